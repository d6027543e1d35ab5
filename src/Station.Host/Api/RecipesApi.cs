using Microsoft.AspNetCore.Http.HttpResults;
using Station.Core.Recipes;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Recipes;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>Recipe versions: list, one with its YAML, a new version, approval for fuse burning, activation.</summary>
internal static class RecipesApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static RouteGroupBuilder MapRecipesApi(this RouteGroupBuilder api)
    {
        var recipes = api.MapGroup("/recipes").WithTags("Recipes");
        recipes.MapGet("/", ListAsync).RequireAuthorization(StationPolicies.SignedIn);
        recipes.MapGet("/{name}/{version:int}", GetAsync).RequireAuthorization(StationPolicies.SignedIn);
        recipes.MapPost("/", CreateAsync).RequireAuthorization(StationPolicies.Engineering).WithMetadata(BodyLimit.Recipe)
            .Accepts<string>("application/yaml", "text/yaml", "text/plain");
        recipes.MapPost("/{name}/{version:int}/approve", ApproveAsync).RequireAuthorization(StationPolicies.Engineering);
        recipes.MapPost("/{name}/{version:int}/activate", ActivateAsync).RequireAuthorization(StationPolicies.Engineering);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<RecipeSummaryDto>>> ListAsync(RecipeCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(cancellationToken));

    public static async Task<Results<Ok<RecipeSummaryDto>, ProblemHttpResult>> GetAsync(
        string name, int version, RecipeCatalog catalog, CancellationToken cancellationToken)
    {
        var recipe = await catalog.GetAsync(name, version, withContent: true, cancellationToken);
        return recipe is null ? Problems.NotFound($"There is no recipe {name} v{version}.") : TypedResults.Ok(recipe);
    }

    /// <summary>
    /// The body is the recipe's YAML. The files it names must already be in the station's recipes
    /// folder (Station:RecipesPath); their SHA-256 is stored with the version.
    /// </summary>
    public static async Task<Results<Created<RecipeSummaryDto>, Ok<RecipeSummaryDto>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, RecipeCatalog catalog, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !YamlTypes.Contains(mediaType))
        {
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the recipe's YAML text as application/yaml.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return Problems.BadRequest(new Dictionary<string, string[]> { ["body"] = ["The body is empty: send the recipe's YAML text."] });
        }

        try
        {
            var (summary, created) = await catalog.AddAsync(buffer.ToArray(), request.HttpContext.User.Who(), cancellationToken);
            return created
                ? TypedResults.Created($"/api/recipes/{Uri.EscapeDataString(summary.Name)}/{summary.Version}", summary)
                : TypedResults.Ok(summary);
        }
        catch (RecipeValidationException exception)
        {
            return Problems.Unprocessable("The recipe is not valid.", new Dictionary<string, string[]> { ["recipe"] = [.. exception.Errors] });
        }
        catch (RecipeConflictException exception)
        {
            return Problems.Conflict(exception.Message);
        }
    }

    public static async Task<Results<Ok<RecipeSummaryDto>, ProblemHttpResult>> ApproveAsync(
        string name, int version, HttpContext context, RecipeCatalog catalog, StationRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            await catalog.ApproveAsync(name, version, context.User.DisplayName(), cancellationToken);
        }
        catch (RecipeNotFoundException exception)
        {
            return Problems.NotFound(exception.Message);
        }

        await runtime.ApprovalChangedAsync(name, version, cancellationToken);
        return TypedResults.Ok((await catalog.GetAsync(name, version, withContent: false, cancellationToken))!);
    }

    public static async Task<Results<Ok<RecipeSummaryDto>, ProblemHttpResult>> ActivateAsync(
        string name, int version, HttpContext context, RecipeCatalog catalog, StationRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.ActivateAsync(name, version, context.User.DisplayName(), cancellationToken);
        }
        catch (RecipeNotFoundException exception)
        {
            return Problems.NotFound(exception.Message);
        }
        catch (RecipeValidationException exception)
        {
            return Problems.Unprocessable($"Recipe {name} v{version} cannot be used.", new Dictionary<string, string[]> { ["recipe"] = [.. exception.Errors] });
        }

        return TypedResults.Ok((await catalog.GetAsync(name, version, withContent: false, cancellationToken))!);
    }
}
