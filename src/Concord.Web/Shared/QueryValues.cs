using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Concord.Shared;

// The API's query values, read the same way by every endpoint before it binds them.
//
// Case: minimal APIs parse an enum in the query with Enum.TryParse, which is case-sensitive, while the JSON bodies
// and the pages (MVC's binder) ignore case; a script author should not have to guess which. A value of an enum
// parameter (or of an enum property of an [AsParameters] class) that matches a name in another case is replaced by
// the name (UseCaseInsensitiveEnums).
//
// Refusal: a value that cannot be read as its parameter's type (?size=abc, ?status=NoSuchStatus, ?from=31/02/2026)
// is refused here, after authorization, with BadHttpRequestException naming the parameter, which MalformedInput
// answers as problem details and logs at Information (UseQueryValueChecks). The endpoints' own binding would refuse it
// too, but not alike: the code the request delegate generator emits for a nullable value of an [AsParameters] class
// sets a bare 400 without throwing, so the answer would depend on how the endpoint was compiled. Read here, the
// endpoint only ever sees values it can parse.
public static class QueryValues
{
    sealed record Parameter(string Name, Type Type);

    static readonly ConcurrentDictionary<Endpoint, Dictionary<string, Parameter>> Parameters = new();

    // The key under which a refusal names the query parameter (read by MalformedInput).
    public const string FieldKey = "Concord.QueryField";

    // Enums in any case, and empty values dropped (Normalise).
    public static IApplicationBuilder UseCaseInsensitiveEnums(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.QueryString.HasValue && ParametersOf(http) is { Count: > 0 } parameters) Normalise(http, parameters);
            return next(http);
        });

    public static IApplicationBuilder UseQueryValueChecks(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.QueryString.HasValue && ParametersOf(http) is { Count: > 0 } parameters) Check(http, parameters);
            return next(http);
        });

    static Dictionary<string, Parameter>? ParametersOf(HttpContext http) =>
        http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<MethodInfo>() is { } method
            ? Parameters.GetOrAdd(endpoint, e => Find(method, (e as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name) ?? []))
            : null;

    // Also drops an empty value (`?status=`, as a form with "any" sends it): it means no value, which the binders
    // read so for a number but refused for an enum.
    static void Normalise(HttpContext http, Dictionary<string, Parameter> parameters)
    {
        Dictionary<string, StringValues>? rewritten = null;
        foreach (var (key, values) in http.Request.Query)
        {
            if (!parameters.TryGetValue(key, out var parameter)) continue;
            if (string.IsNullOrEmpty(values.ToString()))
            {
                rewritten ??= http.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
                rewritten.Remove(key);
                continue;
            }
            if (EnumType(parameter.Type) is not { } type) continue;
            var names = values.Select(v => v is null || Enum.TryParse(type, v, ignoreCase: false, out _) ? v
                : Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, v.Trim(), StringComparison.OrdinalIgnoreCase)) ?? v).ToArray();
            if (names.SequenceEqual(values)) continue;
            rewritten ??= http.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
            rewritten[key] = new StringValues(names);
        }
        if (rewritten is not null) http.Features.Set<IQueryFeature>(new QueryFeature(new QueryCollection(rewritten)));
    }

    static void Check(HttpContext http, Dictionary<string, Parameter> parameters)
    {
        foreach (var (key, values) in http.Request.Query)
        {
            if (!parameters.TryGetValue(key, out var parameter)) continue;
            // As the binders read a single value: several are joined with commas, and an empty one is no value.
            var text = values.ToString();
            if (string.IsNullOrEmpty(text) || CanParse(parameter.Type, text)) continue;
            var typeName = Nullable.GetUnderlyingType(parameter.Type) is { } inner ? inner.Name + "?" : parameter.Type.Name;
            var refusal = new BadHttpRequestException($"Failed to bind parameter \"{typeName} {parameter.Name}\" from \"{text}\".");
            refusal.Data[FieldKey] = parameter.Name;
            throw refusal;
        }
    }

    static bool CanParse(Type type, string text)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum) return Enum.TryParse(underlying, text, ignoreCase: false, out _);
        var tryParse = TryParses.GetOrAdd(underlying, t =>
            t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), t.MakeByRefType()])
            ?? t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), t.MakeByRefType()]));
        if (tryParse is null) return true;
        object?[] args = tryParse.GetParameters().Length == 3 ? [text, CultureInfo.InvariantCulture, null] : [text, null];
        return (bool)tryParse.Invoke(null, args)!;
    }

    static readonly ConcurrentDictionary<Type, MethodInfo?> TryParses = new();

    // The values a method takes from the query: its parameters of a simple type not named in the route, and the
    // properties of its [AsParameters] classes. Strings need no reading; services and bodies are not in the query.
    static Dictionary<string, Parameter> Find(MethodInfo method, IEnumerable<string> routeNames)
    {
        var route = routeNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, Parameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (property.CanWrite && IsReadFromText(property.PropertyType))
                        found[property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name] = new Parameter(property.Name, property.PropertyType);
            }
            else if (IsReadFromText(parameter.ParameterType) && !route.Contains(parameter.Name!)
                     && !parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata
                         or IFromServiceMetadata or FromKeyedServicesAttribute))
                found[parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!] = new Parameter(parameter.Name!, parameter.ParameterType);
        }
        return found;
    }

    static bool IsReadFromText(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying != typeof(string) && (underlying.IsEnum || underlying.IsPrimitive || underlying == typeof(decimal) || underlying == typeof(DateOnly)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeOnly) || underlying == typeof(Guid));
    }

    static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;
}
