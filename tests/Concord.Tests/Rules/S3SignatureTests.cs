using System.Net;
using System.Security.Cryptography;
using System.Text;
using Concord.Features.Attachments;

namespace Concord.Tests.Rules;

// The S3 store signs its requests with AWS Signature Version 4: checked here against the worked example AWS
// publishes, and the store's requests against a stand-in that keeps objects. Features/S3AttachmentsTests runs
// the store through the app against a real S3-compatible server that verifies the signature (s3rver).
public class S3SignatureTests
{
    [Fact]
    public void TheSignatureOfAwsPublishedGetObjectExampleIsTheOneAwsGives()
    {
        // docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "Example: GET Object".
        var headers = new Dictionary<string, string>
        {
            ["Host"] = "examplebucket.s3.amazonaws.com",
            ["Range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = S3AttachmentStore.EmptyPayload,
            ["x-amz-date"] = "20130524T000000Z",
        };
        var authorization = SigV4.Authorization("GET", "/test.txt", "", headers, S3AttachmentStore.EmptyPayload,
            new DateTime(2013, 5, 24, 0, 0, 0, DateTimeKind.Utc), "us-east-1", "s3", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
    }

    [Fact]
    public async Task TheStorePutsReadsAndDeletesOneObjectPathStyleWithSignedRequests()
    {
        var server = new StandIn();
        var options = new S3Options { Endpoint = "https://objects.example:9000", Bucket = "concord", AccessKey = "AK", SecretKey = "SK", Region = "ap-southeast-1" };
        var store = new S3AttachmentStore(new HttpClient(server), options, TimeProvider.System);
        var key = AttachmentRules.NewKey();
        var content = Encoding.UTF8.GetBytes("Biên bản đã ký");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        await store.PutAsync(key, new MemoryStream(content), content.Length, sha, default);
        var put = server.Requests[0];
        Assert.Equal($"https://objects.example:9000/concord/attachments/{key}", put.Uri);
        Assert.Equal(sha, put.ContentSha256);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential=AK/{DateTime.UtcNow:yyyyMMdd}/ap-southeast-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=", put.Authorization);

        await using (var read = await store.OpenAsync(key, default))
        {
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
        Assert.Equal(S3AttachmentStore.EmptyPayload, server.Requests[1].ContentSha256);
        await store.DeleteAsync(key, default);
        Assert.Null(await store.OpenAsync(key, default));
        // A key that is not Concord's own is never sent.
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync("../../etc/passwd", default));
    }

    sealed class StandIn : HttpMessageHandler
    {
        public sealed record Seen(string Method, string Uri, string? ContentSha256, string? Authorization);
        public List<Seen> Requests { get; } = [];
        readonly Dictionary<string, byte[]> objects = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!.ToString();
            Requests.Add(new(request.Method.Method, uri, request.Headers.TryGetValues("x-amz-content-sha256", out var sha) ? sha.Single() : null,
                request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null));
            if (request.Method == HttpMethod.Put)
            {
                objects[uri] = await request.Content!.ReadAsByteArrayAsync(ct);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            if (request.Method == HttpMethod.Delete)
            {
                objects.Remove(uri);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }
            return objects.TryGetValue(uri, out var bytes)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
