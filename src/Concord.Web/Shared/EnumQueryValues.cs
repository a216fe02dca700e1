using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Concord.Shared;

// The API reads `?sort=due` as `?sort=Due`. Minimal APIs parse an enum in the query with Enum.TryParse, which is
// case-sensitive, while the JSON bodies and the pages (MVC's binder) ignore case; a script author should not have
// to guess which. Before the endpoint binds, a value of an enum parameter (or of an enum property of an
// [AsParameters] class) that matches a name in another case is replaced by the name; anything else is left for
// the binder to accept or refuse as before.
public static class EnumQueryValues
{
    static readonly ConcurrentDictionary<MethodInfo, Dictionary<string, Type>> Parameters = new();

    public static IApplicationBuilder UseCaseInsensitiveEnums(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.QueryString.HasValue && http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                var enums = Parameters.GetOrAdd(method, Find);
                if (enums.Count > 0) Normalise(http, enums);
            }
            return next(http);
        });

    static void Normalise(HttpContext http, Dictionary<string, Type> enums)
    {
        Dictionary<string, StringValues>? rewritten = null;
        foreach (var (key, values) in http.Request.Query)
        {
            if (!enums.TryGetValue(key, out var type)) continue;
            var names = values.Select(v => v is null || Enum.TryParse(type, v, ignoreCase: false, out _) ? v
                : Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, v.Trim(), StringComparison.OrdinalIgnoreCase)) ?? v).ToArray();
            if (names.SequenceEqual(values)) continue;
            rewritten ??= http.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
            rewritten[key] = new StringValues(names);
        }
        if (rewritten is not null) http.Features.Set<IQueryFeature>(new QueryFeature(new QueryCollection(rewritten)));
    }

    static Dictionary<string, Type> Find(MethodInfo method)
    {
        var found = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (EnumType(parameter.ParameterType) is { } type) found[parameter.Name!] = type;
            else if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (property.CanWrite && EnumType(property.PropertyType) is { } propertyType) found[property.Name] = propertyType;
        }
        return found;
    }

    static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;
}
