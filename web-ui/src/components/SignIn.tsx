import { useState, type FormEvent } from "react";
import type { Me } from "../api/types";
import { api, ApiError } from "../api/client";

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [userName, setUserName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(userName.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? "Wrong user name or password." : `Sign-in failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <h1>Station — sign in</h1>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="userName">User name</label>
          <input id="userName" name="userName" autoComplete="username" autoFocus required value={userName} onChange={(e) => setUserName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
