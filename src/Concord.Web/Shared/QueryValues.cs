using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Concord.Shared;

// The API's query values, read the same way by every endpoint before it binds them (UseQueryValues, after
// authorization: a visitor without a session hears what any request of theirs hears, not a verdict on their query).
//
// Case: minimal APIs parse an enum in the query with Enum.TryParse, which is case-sensitive, while the JSON bodies
// and the pages (MVC's binder) ignore case; a script author should not have to guess which. A value of an enum
// parameter (or of an enum property of an [AsParameters] class) that matches a name in another case is replaced by
// the name. An empty value (`?status=`, as a form with "any" sends it) is dropped: it means no value, which the
// binders read so for a number but refused for an enum.
//
// Refusal: a value that cannot be read as its parameter's type (?size=abc, ?status=NoSuchStatus, ?from=31/02/2026)
// is refused with BadHttpRequestException naming the parameter, which MalformedInput answers as problem details and
// logs at Information. The endpoints' own binding would refuse it too, but not alike: the code the request delegate
// generator emits for a nullable value of an [AsParameters] class sets a bare 400 without throwing, so the answer
// would depend on how the endpoint was compiled. Read here, the endpoint only ever sees values it can parse.
public static class QueryValues
{
    // A query value of the endpoint: its parameter's name and type, and whether a text reads as that type.
    sealed record Parameter(string Name, Type Type, Func<string, bool> Reads);

    static readonly ConcurrentDictionary<Endpoint, Dictionary<string, Parameter>> Parameters = new();

    // The key under which a refusal names the query parameter (read by MalformedInput).
    public const string FieldKey = "Concord.QueryField";

    public static IApplicationBuilder UseQueryValues(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.QueryString.HasValue && http.GetEndpoint() is { } endpoint
                && Parameters.GetOrAdd(endpoint, Find) is { Count: > 0 } parameters)
            {
                Normalise(http, parameters);
                Check(http, parameters);
            }
            return next(http);
        });

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
            // As the binders read a single value: several are joined with commas.
            var text = values.ToString();
            if (parameter.Reads(text)) continue;
            var typeName = Nullable.GetUnderlyingType(parameter.Type) is { } inner ? inner.Name + "?" : parameter.Type.Name;
            var refusal = new BadHttpRequestException($"Failed to bind parameter \"{typeName} {parameter.Name}\" from \"{text}\".");
            refusal.Data[FieldKey] = parameter.Name;
            throw refusal;
        }
    }

    // The values a minimal API endpoint takes from the query: its method's parameters of a simple type not named in the
    // route, and the properties of its [AsParameters] classes. Strings need no reading; services and bodies are not in
    // the query. Other endpoints (pages, static files) take none here.
    static Dictionary<string, Parameter> Find(Endpoint endpoint)
    {
        var found = new Dictionary<string, Parameter>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return found;
        var route = ((endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (property.CanWrite && ReaderOf(property.PropertyType) is { } reads)
                        found[property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name] = new Parameter(property.Name, property.PropertyType, reads);
            }
            else if (ReaderOf(parameter.ParameterType) is { } reads && !route.Contains(parameter.Name!)
                     && !parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata
                         or IFromServiceMetadata or FromKeyedServicesAttribute))
                found[parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!] = new Parameter(parameter.Name!, parameter.ParameterType, reads);
        }
        return found;
    }

    // Whether a text reads as the type, as the binders parse it (the invariant culture), or null for a type not read
    // from text here. Decided once per endpoint, so a request pays a typed TryParse, not reflection.
    static Func<string, bool>? ReaderOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum) return text => Enum.TryParse(underlying, text, ignoreCase: false, out _);
        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.Boolean => Reads<bool>,
            TypeCode.Byte => Reads<byte>,
            TypeCode.Int16 => Reads<short>,
            TypeCode.Int32 => Reads<int>,
            TypeCode.Int64 => Reads<long>,
            TypeCode.Single => Reads<float>,
            TypeCode.Double => Reads<double>,
            TypeCode.Decimal => Reads<decimal>,
            TypeCode.DateTime => Reads<DateTime>,
            _ when underlying == typeof(DateOnly) => Reads<DateOnly>,
            _ when underlying == typeof(TimeOnly) => Reads<TimeOnly>,
            _ when underlying == typeof(DateTimeOffset) => Reads<DateTimeOffset>,
            _ when underlying == typeof(Guid) => Reads<Guid>,
            _ => null,
        };
    }

    static bool Reads<T>(string text) where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out _);

    static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;
}
