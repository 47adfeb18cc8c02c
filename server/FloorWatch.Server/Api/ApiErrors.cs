namespace FloorWatch.Server.Api;

/// <summary>Error answers with a sentence that says what was wrong.</summary>
public static class ApiErrors
{
    public static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden() => Results.Json(new { error = "not allowed for your role or centers" }, statusCode: StatusCodes.Status403Forbidden);
}
