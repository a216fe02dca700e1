using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Features.Attachments;

// Attachments in an S3-compatible object store, with plain HTTP and AWS Signature Version 4 (no SDK:
// three calls, PUT, GET and DELETE of one object, do not need one). Path-style addresses, which every
// S3-compatible server accepts: {Endpoint}/{Bucket}/{Prefix}{key}.
public sealed class S3AttachmentStore(HttpClient http, S3Options options, TimeProvider clock) : IAttachmentStore
{
    public const string EmptyPayload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    Uri ObjectUri(string key)
    {
        AttachmentRules.CheckKey(key);
        var endpoint = options.Endpoint!.TrimEnd('/');
        return new Uri($"{endpoint}/{SigV4.EncodePath(options.Bucket!)}/{SigV4.EncodePath(options.Prefix + key)}");
    }

    public async Task PutAsync(string key, Stream content, long length, string sha256, CancellationToken ct)
    {
        using var request = Signed(HttpMethod.Put, ObjectUri(key), sha256);
        request.Content = new StreamContent(content);
        request.Content.Headers.ContentLength = length;
        request.Content.Headers.ContentType = new("application/octet-stream");
        using var response = await http.SendAsync(request, ct);
        await EnsureAsync(response, "PUT", key, ct);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        using var request = Signed(HttpMethod.Get, ObjectUri(key), EmptyPayload);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureAsync(response, "GET", key, ct);
        // Copied to a temporary file: the download checks the hash first and then serves the same bytes.
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"concord-s3-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await response.Content.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        using var request = Signed(HttpMethod.Delete, ObjectUri(key), EmptyPayload);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.NotFound) await EnsureAsync(response, "DELETE", key, ct);
    }

    HttpRequestMessage Signed(HttpMethod method, Uri uri, string payloadHash)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            SigV4.Authorization(method.Method, uri.AbsolutePath, "", headers, payloadHash, now, options.Region, "s3", options.AccessKey!, options.SecretKey!));
        return request;
    }

    static async Task EnsureAsync(HttpResponseMessage response, string verb, string key, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new IOException($"The object store answered {(int)response.StatusCode} to {verb} of attachment {key}: {(body.Length > 500 ? body[..500] : body)}");
    }
}

// AWS Signature Version 4 (docs.aws.amazon.com, "Signature Calculations for the Authorization Header").
public static class SigV4
{
    public static string Authorization(string method, string path, string canonicalQuery, IReadOnlyDictionary<string, string> headers,
        string payloadHash, DateTime utc, string region, string service, string accessKey, string secretKey)
    {
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var sorted = headers.Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim())).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var signedHeaders = string.Join(';', sorted.Select(h => h.Name));
        var canonicalRequest = string.Join('\n',
            method, path, canonicalQuery,
            string.Concat(sorted.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders, payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        return $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    // Each segment URI-encoded as SigV4 wants it (RFC 3986 unreserved characters kept), slashes kept.
    public static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
