using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Concord.Tests.Features.Accounts.SignInSteps;

namespace Concord.Tests.Features;

// Two Concords on one PostgreSQL, as behind a load balancer: two hosts with their own services, memory
// and rate limiters, sharing only the database (sessions, Data Protection keys, records). In one process,
// which is what makes the test cheap; nothing but the database is shared between them.
public sealed class TwoInstancesTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task ASessionMadeOnOneInstanceIsValidOnTheOtherAndSigningOutEndsItOnBoth()
    {
        await using var second = factory.WithWebHostBuilder(_ => { });
        var account = await factory.CreateAccountAsync(Role.Reader);
        var first = factory.NewClient(redirects: false);
        var signedIn = await first.PasswordStepAsync(account);
        var onSecond = second.WithSessionCookie(SessionCookie(signedIn));
        Assert.True(await first.IsSignedInAsync());
        Assert.True(await onSecond.IsSignedInAsync());

        var signedOut = await first.SubmitFormAsync("/account", new Dictionary<string, string?>(), "header form[action='/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await first.IsSignedInAsync());
        Assert.False(await onSecond.IsSignedInAsync());
    }

    [Fact]
    public async Task AnEditBasedOnAnOlderVersionIsRefusedWhicheverInstanceSavedFirst()
    {
        await using var second = factory.WithWebHostBuilder(_ => { });
        var world = await CommitmentsWorld.CreateAsync(factory);
        object Clause(string text, int version) => new
        {
            instrumentId = world.NinthMinutes, number = $"9.{Guid.NewGuid().ToString("N")[..4]}", textEn = text, areaId = world.SocialInsurance,
            period = "2026-2027", dueOn = "2027-06-30", status = "InProgress", leadIds = new[] { world.VnDepartment, world.LaDepartment }, version,
        };
        var a = await factory.CoordinatorAsync();
        var b = await second.CoordinatorAsync(TestAccounts.LaoCooperation);
        var created = await a.PostAsJsonAsync("/api/commitments", Clause("Made on the first instance", 0));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var read = await b.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}");
        var version = read.GetProperty("version").GetInt32();
        var number = read.GetProperty("number").GetString();

        object Edit(string text) => new
        {
            instrumentId = world.NinthMinutes, number, textEn = text, areaId = world.SocialInsurance,
            period = "2026-2027", dueOn = "2027-06-30", status = "InProgress", leadIds = new[] { world.VnDepartment, world.LaDepartment }, version,
        };
        Assert.Equal(HttpStatusCode.OK, (await b.PutAsJsonAsync($"/api/commitments/{id}", Edit("Saved on the second instance"))).StatusCode);
        var stale = await a.PutAsJsonAsync($"/api/commitments/{id}", Edit("Saved on the first, from the older version"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Saved on the second instance",
            (await a.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}")).GetProperty("text").GetProperty("en").GetString());
    }
}
