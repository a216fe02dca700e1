using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Scalar.AspNetCore;

namespace Concord.Shared;

public static class ApiSetup
{
    public static IServiceCollection AddConcordApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1");
        return services;
    }

    public static WebApplication MapConcordApi(this WebApplication app)
    {
        // The API's description is as public as the API's reads.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The browsable reference is our page (Features/Api/Reference); Scalar's package serves only its
        // script (/api/reference/scalar.js), not from a CDN. Its own page, which starts Scalar with an
        // inline script, is not served.
        app.MapScalarApiReference("/api/reference").AllowAnonymous().ExcludeFromDescription()
            .Add(endpoint =>
            {
                var serve = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = http =>
                {
                    if (Path.HasExtension(http.Request.Path.Value)) return serve(http);
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                };
            });
        return app;
    }

    // DataAnnotations on the API's input records, with the same localized messages the pages show
    // (the message keys take the same {1}, {2} arguments MVC gives them: lengths, ranges).
    public static Dictionary<string, string[]> Validate(object input, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var property in input.GetType().GetProperties())
        {
            var value = property.GetValue(input);
            foreach (var attribute in property.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>())
            {
                if (attribute.IsValid(value)) continue;
                object?[] args = attribute switch
                {
                    StringLengthAttribute s => [property.Name, s.MaximumLength, s.MinimumLength],
                    RangeAttribute r => [property.Name, r.Minimum, r.Maximum],
                    _ => [property.Name],
                };
                var template = localizer[attribute.ErrorMessage ?? "Validation.UnknownChoice"].Value;
                var name = JsonName(property.Name);
                if (!errors.TryGetValue(name, out var list)) errors[name] = list = [];
                list.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, template, args));
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    public static string JsonName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);

    public static void Merge(this Dictionary<string, string[]> into, Dictionary<string, string[]> more)
    {
        foreach (var (key, messages) in more)
            into[key] = into.TryGetValue(key, out var existing) ? [.. existing, .. messages] : messages;
    }
}

// A body that is not valid JSON, or has a value of the wrong type, gets RFC 9457 problem
// details that name the field, as a validation failure does, not a bare 400. Caught here, before the
// exception handler or the developer page sees it: bad input from a client is not a fault of Concord's,
// so it is logged at Information without a stack trace (a scan with ?size=abc used to fill the log with errors).
public static class MalformedInput
{
    public static IApplicationBuilder UseMalformedInputAnswers(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedInput).FullName!)
                    .LogInformation("Refused bad input to {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path.Value, bad.Message);
                await AnswerAsync(http, bad);
            }
        });

    static async Task AnswerAsync(HttpContext http, BadHttpRequestException bad)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var json = bad.InnerException as JsonException;
        var query = bad.Data[QueryValues.FieldKey] as string;
        var field = query is not null ? ApiSetup.JsonName(query) : json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        // The reader's culture as the localization middleware chose it (in case the endpoint changed it).
        // ASP.NET's own message (a missing parameter) is for the script's author.
        if (http.Features.Get<IRequestCultureFeature>() is { } chosen) CultureInfo.CurrentUICulture = chosen.RequestCulture.UICulture;
        var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
        var message = query is not null ? t["Api.MalformedQueryValue"].Value : json is not null ? t["Api.MalformedValue"].Value : bad.Message;
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = query is not null ? t["Api.MalformedQuery"] : t["Api.MalformedBody"],
            },
        });
    }
}
