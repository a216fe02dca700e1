using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Shared;
using Concord.Features.Attachments;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.AttachmentsTests;

namespace Concord.Tests.Features;

// Concord with Attachments:Store=S3 against a real S3-compatible server (s3rver, which verifies Signature
// Version 4; Infrastructure/S3TestServer), through the app over HTTP: a file goes into the bucket and comes
// back intact, a withdrawn one keeps its object, an object changed in the bucket is refused on download, and
// a store that refuses Concord's signature (a wrong secret) leaves no row and no object, with a sentence
// that says the file was not stored.
public abstract class S3AttachmentsTests(ConcordFactory factory, S3TestServer s3)
{
    // A prefix that must be percent-encoded in the signed path (a space, parentheses, Vietnamese, Lao): the
    // server recomputes the signature from the path it decodes, so a wrong encoding is refused.
    public const string Prefix = "Concord (thử nghiệm) ເອກະສານ/attachments/";

    [Fact]
    public async Task AFileAttachedThroughConcordIsKeptInTheBucketDownloadedIntactAndKeepsItsObjectWhenWithdrawn()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var name = "Biên bản ບົດບັນທຶກ " + Guid.NewGuid().ToString("N")[..6] + ".pdf";
        // Three megabytes: many reads and writes of the stores' buffers, one PUT with its Content-Length.
        var pdf = LargePdf(3 * 1024 * 1024);

        var response = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", name, pdf);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("File attached.", (await response.PageAsync()).Text("#flash"));

        var row = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.FileName == name));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        // In the bucket under the prefix and Concord's key, as the server itself names it (not double-encoded),
        // and nowhere on Concord's own disk.
        Assert.True(File.Exists(Path.Combine(s3.Folder, S3TestServer.Bucket, "Concord (thử nghiệm) ເອກະສານ", "attachments", row.StorageKey + "._S3rver_object")));
        Assert.Equal(pdf, await ReadObjectAsync(row.StorageKey));
        Assert.False(Directory.Exists(factory.AttachmentsFolder));

        foreach (var url in new[] { $"/attachments/{row.Id}", $"/api/meetings/{meeting}/attachments/{row.Id}" })
        {
            var download = await factory.NewClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(pdf, bytes);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(name, download.Content.Headers.ContentDisposition!.FileNameStar);
        }

        var withdrawn = await coordinator.PostAsJsonAsync($"/api/meetings/{meeting}/attachments/{row.Id}/withdraw", new { reason = "Bản nháp" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync($"/attachments/{row.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/meetings/{meeting}/attachments/{row.Id}")).StatusCode);
        // Withdrawn, not deleted: the object stays, as the folder store's file does.
        Assert.Equal(pdf, await ReadObjectAsync(row.StorageKey));
    }

    [Fact]
    public async Task AnObjectChangedInTheBucketIsRefusedOnDownloadInsteadOfServed()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var created = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments", "report.pdf", Pdf("the original"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/attachments/{id}")).StatusCode);

        // Replaced in the bucket by a signed PUT of other bytes under the same key, as anyone holding the
        // store's keys could.
        var key = await factory.WithDbAsync(db => db.Attachments.Where(a => a.Id == id).Select(a => a.StorageKey).SingleAsync());
        var forgery = Pdf("a forgery of the same size"[..12]);
        await s3.Store(Prefix).PutAsync(key, new MemoryStream(forgery), forgery.Length, Convert.ToHexStringLower(SHA256.HashData(forgery)), default);
        Assert.Equal(forgery, await ReadObjectAsync(key));

        var page = await coordinator.GetAsync($"/attachments/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.DoesNotContain("forgery", await page.Content.ReadAsStringAsync());
        var api = await coordinator.GetAsync($"/api/meetings/{meeting}/attachments/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Contains("application/problem+json", api.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("forgery", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheServerRefusesAWrongSecretKeyAndConcordThenSavesNoRowAndNoObjectAndSaysTheFileWasNotStored()
    {
        // The server checks the signature, not only the access key: the same request signed with another
        // secret is refused, for a PUT and a GET alike.
        var key = AttachmentRules.NewKey();
        var content = Pdf("signed with the wrong secret");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var refused = await Assert.ThrowsAsync<IOException>(() => s3.Store(Prefix, "not the secret").PutAsync(key, new MemoryStream(content), content.Length, sha, default));
        Assert.Contains("403", refused.Message);
        Assert.Contains("SignatureDoesNotMatch", refused.Message);
        await s3.Store(Prefix).PutAsync(key, new MemoryStream(content), content.Length, sha, default);
        var read = await Assert.ThrowsAsync<IOException>(() => s3.Store(Prefix, "not the secret").OpenAsync(key, default));
        Assert.Contains("SignatureDoesNotMatch", read.Message);

        // Concord configured with a wrong secret: the upload is refused with a sentence, nothing half-saved.
        await using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting("Attachments:S3:SecretKey", "not the secret"));
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await misconfigured.CoordinatorAsync());
        var before = await StoredAsync();

        var onPage = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", "minutes.pdf", Pdf("minutes"));
        Assert.Equal(HttpStatusCode.OK, onPage.StatusCode);
        var page = await onPage.PageAsync();
        Assert.Contains("could not be stored", page.ErrorFor("Upload"));
        Assert.Null(page.QuerySelector("#flash"));

        var api = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments?culture=en", "minutes.pdf", Pdf("minutes"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Contains("could not be stored", problem);
        // What the store answered is for the log, not for the caller.
        Assert.DoesNotContain("SignatureDoesNotMatch", problem);

        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task AStoreThatRefusesADownloadGivesTryAgainLaterNotAnError()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var created = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments", "report.pdf", Pdf("kept in the bucket"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The same database, read by an instance whose store refuses its signature (a secret rotated on one side only).
        await using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting("Attachments:S3:SecretKey", "not the secret"));
        var reader = En(await misconfigured.CoordinatorAsync());

        var page = await reader.GetAsync($"/attachments/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Briefly unavailable", html);
        Assert.DoesNotContain("SignatureDoesNotMatch", html);

        var api = await reader.GetAsync($"/api/meetings/{meeting}/attachments/{id}?culture=en");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Contains("could not be read", problem);
        Assert.DoesNotContain("SignatureDoesNotMatch", problem);

        // Nothing was lost: the instance with the right secret serves it.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/attachments/{id}")).StatusCode);
    }

    // Rows, their audit entries, and objects in the bucket.
    async Task<(int Rows, int Audit, int Objects)> StoredAsync() => (
        await factory.WithDbAsync(db => db.Attachments.CountAsync()),
        await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "Attachment")),
        s3.ObjectCount());

    async Task<byte[]> ReadObjectAsync(string key)
    {
        await using var stream = await s3.Store(Prefix).OpenAsync(key, default) ?? throw new InvalidOperationException($"No object {key}.");
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    Task<int> PublicMeetingAsync() => factory.WithDbAsync(db => db.Meetings.Where(m => m.Visibility == Visibility.Public).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

    // A PDF header, then lines of letters (no byte the sniffer would take for another kind of file).
    static byte[] LargePdf(int size)
    {
        var random = new Random(7);
        var text = new StringBuilder("%PDF-1.7\n", size + 16);
        while (text.Length < size) text.Append((char)('a' + random.Next(26))).Append(text.Length % 80 == 0 ? "\n" : "");
        return Encoding.ASCII.GetBytes(text.Append("\n%%EOF\n").ToString());
    }
}

// The S3 tests' Concord: the attachments in the test server's bucket, started before the app and stopped with it.
public sealed class S3SqliteFactory : SqliteFactory
{
    public S3TestServer S3 { get; } = new();

    public override async Task InitializeAsync()
    {
        await S3.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        S3.Configure(builder, S3AttachmentsTests.Prefix);
    }

    protected override async Task DropAsync()
    {
        try
        {
            await base.DropAsync();
        }
        finally
        {
            await S3.DisposeAsync();
        }
    }
}

public sealed class S3PostgresFactory : PostgresFactory
{
    public S3TestServer S3 { get; } = new();

    public override async Task InitializeAsync()
    {
        await S3.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        S3.Configure(builder, S3AttachmentsTests.Prefix);
    }

    protected override async Task DropAsync()
    {
        try
        {
            await base.DropAsync();
        }
        finally
        {
            await S3.DisposeAsync();
        }
    }
}

public sealed class S3AttachmentsOnSqlite(S3SqliteFactory factory) : S3AttachmentsTests(factory, factory.S3), IClassFixture<S3SqliteFactory>;
public sealed class S3AttachmentsOnPostgres(S3PostgresFactory factory) : S3AttachmentsTests(factory, factory.S3), IClassFixture<S3PostgresFactory>;
