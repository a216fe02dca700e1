using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Threading.Channels;
using Concord.Shared;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts.Mail;

// Smtp:Host set means Concord sends its links by e-mail; without it an administrator passes them on.
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    // STARTTLS on the submission port; left off only for a relay on the same network.
    public bool EnableSsl { get; set; }
}

public sealed record OutgoingMail(string To, string Subject, string Body);

public sealed class Mailer(IOptions<SmtpOptions> options, StringCatalog strings, ILogger<Mailer> log)
{
    readonly Channel<OutgoingMail> queue = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    internal ChannelReader<OutgoingMail> Queued => queue.Reader;

    // In the recipient's language when the account has chosen one Concord speaks, followed by the English
    // while that language's text awaits review; otherwise Vietnamese with English below it, since an
    // invitee has not chosen yet. Subject and body are interface strings ("<key>Subject", "<key>Body")
    // formatted with the arguments.
    public OutgoingMail Compose(string to, string? language, string key, params object[] arguments)
    {
        string[] languages = language is null || !Cultures.Supported.Contains(language) ? ["vi", "en"]
            : language != "en" && strings.IsUnreviewed($"{key}Body", language) ? [language, "en"]
            : [language];
        string Text(string part, string lang) => string.Format(CultureInfo.GetCultureInfo(lang), strings.Find($"{key}{part}", lang) ?? key, arguments);
        return new OutgoingMail(
            to,
            string.Join(" / ", languages.Select(l => Text("Subject", l))),
            string.Join("\n\n----------\n\n", languages.Select(l => Text("Body", l))));
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage(new MailAddress(o.From is { Length: > 0 } from ? from : $"concord@{o.Host}", "Concord"), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            // A link of 300 characters arrives whole, without quoted-printable's soft line breaks.
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        await client.SendMailAsync(message, ct);
        log.LogInformation("Sent \"{Subject}\" to {To}", mail.Subject, mail.To);
    }

    // For an administrator's page: a failure is logged and reported, so that the page can show the link instead.
    public async Task<bool> TrySendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        try
        {
            await SendAsync(mail, ct);
            return true;
        }
        catch (Exception e) when (IsSendFailure(e))
        {
            log.LogError(e, "Could not send \"{Subject}\" to {To}", mail.Subject, mail.To);
            return false;
        }
    }

    internal static bool IsSendFailure(Exception e) => e is SmtpException or IOException or InvalidOperationException or FormatException or System.Net.Sockets.SocketException;

    // Sent after the request has been answered, so that a page anyone may use (forgot password) takes as
    // long for an unknown address as for a known one and tells nothing by its speed.
    public void Queue(OutgoingMail mail) => queue.Writer.TryWrite(mail);
}

sealed class MailOutbox(Mailer mailer, IOptions<AccountLinkOptions> links, ILogger<MailOutbox> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mailer.IsConfigured && string.IsNullOrEmpty(links.Value.PublicUrl))
            log.LogWarning("Smtp:Host is set but Accounts:PublicUrl is not: links in e-mails start with the address each request came to. " +
                "Set Accounts:PublicUrl (or AllowedHosts), so that a forged Host header on the forgot-password page cannot point a reset link elsewhere.");
        try
        {
            await foreach (var mail in mailer.Queued.ReadAllAsync(stoppingToken))
            {
                // The sender saw the same answer either way; a failure is logged by the mailer.
                await mailer.TrySendAsync(mail, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class MailSetup
{
    public static IServiceCollection AddConcordMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddSingleton<Mailer>();
        services.AddHostedService<MailOutbox>();
        return services;
    }
}
