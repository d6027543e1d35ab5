global using Station.Testing;
