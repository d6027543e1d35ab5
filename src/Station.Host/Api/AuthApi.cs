using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Station.Data.Access;
using Station.Host.Contracts;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>Sign-in for people (a cookie), sign-out, and who the caller is.</summary>
internal static partial class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithMetadata(BodyLimit.Json);
        auth.MapPost("/logout", (Delegate)LogoutAsync).RequireAuthorization(StationPolicies.SignedIn);
        auth.MapGet("/me", Me).RequireAuthorization(StationPolicies.SignedIn);
        return api;
    }

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> LoginAsync(
        LoginBody body, AccessStore access, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.UserName))
        {
            errors["userName"] = ["Give the user name."];
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            errors["password"] = ["Give the password."];
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors);
        }

        var user = await access.SignInAsync(body.UserName!, body.Password!, cancellationToken);
        var logger = loggers.CreateLogger(typeof(AuthApi));
        if (user is null)
        {
            Log.SignInFailed(logger, body.UserName!.Length > 64 ? body.UserName[..64] : body.UserName);
            return Problems.Unauthorized("The user name or password is wrong, or the account is disabled.");
        }

        var roles = user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var principal = StationClaims.Create(user.UserName, "user", roles, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { AllowRefresh = true });
        Log.SignedIn(logger, user.UserName, user.Roles);
        return TypedResults.Ok(new MeDto(user.UserName, roles));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<MeDto> Me(HttpContext context) => TypedResults.Ok(new MeDto(context.User.DisplayName(), context.User.RolesOf()));
}
