using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Concord.Features.Activities;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// The public IATI file: valid against the official 2.03 schema, holding the published activities with a value
// (the 3.9 billion VND equipment for the Ban Kan centre) and nothing that was not published.
public abstract class IatiExportTests(ConcordFactory factory)
{
    static readonly XNamespace Xml = XNamespace.Xml;

    static XmlSchemaSet Schema()
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var folder = Path.Combine(AppContext.BaseDirectory, "Iati", "Schema");
        schemas.Add(null, Path.Combine(folder, "iati-activities-schema.xsd"));
        schemas.Compile();
        return schemas;
    }

    static async Task<XDocument> ValidAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema() };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(body), settings)) while (reader.Read()) { }
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + body);
        return XDocument.Parse(body);
    }

    [Fact]
    public async Task ThePublicFileIsValidIatiAndHoldsTheBanKanDonationInVndWithItsYearMarkedAsYearOnly()
    {
        var response = await factory.NewClient().GetAsync("/iati/activities.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var doc = await ValidAsync(response);
        Assert.Equal("2.03", doc.Root!.Attribute("version")!.Value);

        var donation = doc.Root.Elements("iati-activity").Single(a => a.Element("transaction")?.Element("value")?.Value == "3900000000");
        Assert.Equal("VND", donation.Attribute("default-currency")!.Value);
        Assert.Equal("vi", donation.Attribute(Xml + "lang")!.Value);
        Assert.Contains(donation.Element("title")!.Elements("narrative"), n => n.Attribute(Xml + "lang")!.Value == "vi" && n.Value.Length > 0);
        Assert.Contains(donation.Element("title")!.Elements("narrative"), n => n.Attribute(Xml + "lang")!.Value == "lo" && n.Value.Length > 0);
        var value = donation.Element("transaction")!.Element("value")!;
        Assert.Equal(("VND", "2019-01-01"), (value.Attribute("currency")!.Value, value.Attribute("value-date")!.Value));
        // 2019 is all the sources give: the file says so instead of claiming 1 January.
        var start = donation.Elements("activity-date").Single(d => d.Attribute("type")!.Value == "2");
        Assert.Equal("2019-01-01", start.Attribute("iso-date")!.Value);
        Assert.Contains(start.Elements("narrative"), n => n.Attribute(Xml + "lang")!.Value == "en" && n.Value == "Known only to the year: 2019");
        Assert.Equal("LA", donation.Element("recipient-country")!.Attribute("code")!.Value);
        Assert.Contains(donation.Elements("participating-org"), o => o.Attribute("role")!.Value == "1");
        Assert.NotNull(donation.Element("transaction")!.Element("provider-org"));
        Assert.NotNull(donation.Element("transaction")!.Element("receiver-org"));
    }

    [Fact]
    public async Task AnActivityNotPublishedIsNotInTheFileEvenForASignedInReader()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.ActivityKind && t.Code == "project").Select(t => t.Id).SingleAsync();
            db.Activities.Add(new Activity { KindId = kind, Title = new LocalizedText($"Dự án nội bộ {tag}"), Visibility = Visibility.Partners,
                StartsOn = new DateOnly(2026, 3, 1), StartsOnPrecision = DatePrecision.Month, ValueAmount = 1_000_000, ValueCurrency = "USD" });
            db.Activities.Add(new Activity { KindId = kind, Title = new LocalizedText($"Dự án công bố {tag}"), Visibility = Visibility.Public,
                StartsOn = new DateOnly(2026, 3, 1), StartsOnPrecision = DatePrecision.Month, ValueAmount = 2_000_000, ValueCurrency = "USD" });
            await db.SaveChangesAsync();
        });

        var client = await factory.CoordinatorAsync();
        var doc = await ValidAsync(await client.GetAsync("/iati/activities.xml"));
        var titles = doc.Descendants("title").SelectMany(t => t.Elements("narrative")).Select(n => n.Value).ToList();
        Assert.Contains($"Dự án công bố {tag}", titles);
        Assert.DoesNotContain($"Dự án nội bộ {tag}", titles);
        var published = doc.Root!.Elements("iati-activity").Single(a => a.Element("title")!.Elements("narrative").Any(n => n.Value == $"Dự án công bố {tag}"));
        Assert.Contains(published.Elements("activity-date").SelectMany(d => d.Elements("narrative")), n => n.Value == "Known only to the month: 2026-03");
    }
}

public sealed class IatiExportOnSqlite(SqliteFactory factory) : IatiExportTests(factory), IClassFixture<SqliteFactory>;
public sealed class IatiExportOnPostgres(PostgresFactory factory) : IatiExportTests(factory), IClassFixture<PostgresFactory>;
