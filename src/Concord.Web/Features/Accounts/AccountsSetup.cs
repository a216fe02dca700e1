using System.Security.Claims;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts;

public sealed class AccountOptions
{
    // A session ends after this long without a request...
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    // ...and after this long in any case.
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    // PBKDF2 rounds for stored passwords; lowered only by the tests, which create hundreds of accounts.
    public int PasswordHashIterations { get; set; } = 100_000;
}

public static class AccountsSetup
{
    public const string SessionScheme = "Concord.Session";
    // The few minutes between a correct password and a correct second factor (or its enrolment).
    public const string PendingScheme = "Concord.Pending";
    public const string TokenScheme = "Concord.Token";
    // __Host-: the browser keeps these only when Secure, for path / and without a domain, so a sibling
    // subdomain (or a man in the middle on plain HTTP) cannot plant a cookie of that name.
    public const string SessionCookie = "__Host-concord.session";
    public const string PendingCookie = "__Host-concord.pending";
    const string ChooseScheme = "Concord";

    public static IServiceCollection AddConcordAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().BindConfiguration("Accounts");
        var options = configuration.GetSection("Accounts").Get<AccountOptions>() ?? new();

        services.AddHttpContextAccessor();
        // Read when a request first asks for it (after authentication); in a background job, the account that
        // asked for the job (Features/Jobs); otherwise, outside a request, it is the system.
        services.AddScoped(sp => sp.GetService<Concord.Features.Jobs.JobViewer>()?.User
            ?? (sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
                ? CurrentUser.From(http.User)
                : CurrentUser.System));

        services.AddIdentityCore<Account>(o =>
            {
                // NIST SP 800-63B: length, not composition; a list of known and contextual passwords (PasswordRules).
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ConcordDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = options.PasswordHashIterations);

        services.AddDataProtection().SetApplicationName("Concord");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddScoped<SignInService>();
        services.AddScoped<SecurityLog>();

        services.AddAuthentication(ChooseScheme)
            // Scripts send "Authorization: Bearer <token>"; browsers carry the session cookie.
            .AddPolicyScheme(ChooseScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenScheme : SessionScheme)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.Path = "/";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = options.AbsoluteTimeout;
                o.SlidingExpiration = false;
                o.LoginPath = "/account/sign-in";
                o.AccessDeniedPath = "/error/403";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateSessionAsync,
                    // The API answers 401/403 rather than sending a script to the sign-in page.
                    OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden, always: true),
                };
            })
            .AddCookie(PendingScheme, o =>
            {
                o.Cookie.Name = PendingCookie;
                o.Cookie.Path = "/";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
                o.LoginPath = "/account/sign-in";
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenScheme, null);

        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user; AccessTests also checks that every
            // endpoint says so explicitly.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ChooseScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Access.SignedIn, p => p.AddAuthenticationSchemes(ChooseScheme).RequireAuthenticatedUser())
            .AddPolicy(Access.EditRecord, p => p.AddAuthenticationSchemes(ChooseScheme).RequireAuthenticatedUser()
                .RequireAssertion(c => Access.CanEditRecord(CurrentUser.From(c.User))))
            .AddPolicy(Access.Report, p => p.AddAuthenticationSchemes(ChooseScheme).RequireAuthenticatedUser()
                .RequireAssertion(c => Access.MayReport(CurrentUser.From(c.User))))
            .AddPolicy(Access.Administer, p => p.AddAuthenticationSchemes(ChooseScheme).RequireAuthenticatedUser()
                .RequireAssertion(c => Access.CanAdminister(CurrentUser.From(c.User))))
            .AddPolicy(PendingScheme, p => p.AddAuthenticationSchemes(PendingScheme).RequireAuthenticatedUser()
                .RequireClaim(ConcordClaims.Pending));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, DeniedAccessLogger>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<HandlerAuthorizeFilter>());
        return services;
    }

    static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> c, int status, bool always = false)
    {
        if (always || c.Request.Path.StartsWithSegments("/api"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    sealed record SessionState(DateTime StartedAt, DateTime LastSeenAt, bool IsDisabled, Role Role, int OrganisationId, string Country);

    // Read on every page a signed-in user opens: compiled (CompiledPerModel), not built again on each request.
    static readonly CompiledPerModel<Func<ConcordDb, string, CancellationToken, Task<SessionState?>>> OpenSession = new(() =>
        EF.CompileAsyncQuery((ConcordDb db, string sessionId, CancellationToken ct) => db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.EndedAt == null)
            .Select(s => new SessionState(s.StartedAt, s.LastSeenAt, s.Account.IsDisabled, s.Account.Role, s.Account.OrganisationId, s.Account.Country))
            .SingleOrDefault()));

    // The cookie only names a session; the session, held in the database, decides. Signing out,
    // disabling the account or changing its role ends it at once, and so do the idle and absolute limits.
    static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirstValue(ConcordClaims.Session);
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // A scope of its own: the request's ConcordDb must be created after the user is known.
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var session = sessionId is null ? null : await OpenSession.For(db)(db, sessionId, context.HttpContext.RequestAborted);
        string? endReason = session switch
        {
            null => "unknown",
            { IsDisabled: true } => "disabled",
            _ when now - session.LastSeenAt > options.IdleTimeout => "idle",
            _ when now - session.StartedAt > options.AbsoluteTimeout => "expired",
            _ when session.Role.ToString() != context.Principal!.FindFirstValue(ClaimTypes.Role)
                || session.OrganisationId.ToString() != context.Principal!.FindFirstValue(ConcordClaims.Organisation) => "changed",
            _ => null,
        };
        if (endReason is not null)
        {
            if (session is not null)
                await db.AccountSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, endReason));
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionScheme);
            return;
        }
        // Written at most once a minute, not on every request.
        if (now - session!.LastSeenAt > TimeSpan.FromMinutes(1))
            await db.AccountSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
    }
}

// Razor Pages authorize whole pages; a page that anyone may read but that has one action for editors
// (a commitment's "take the reported status") marks that handler with the policy it needs.
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlerAuthorizeAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

sealed class HandlerAuthorizeFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var policy = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(HandlerAuthorizeAttribute), false)
            .Cast<HandlerAuthorizeAttribute>().FirstOrDefault()?.Policy;
        if (policy is not null)
        {
            var user = context.HttpContext.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                context.Result = new Microsoft.AspNetCore.Mvc.ChallengeResult();
                return;
            }
            if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SecurityLog>().RecordDeniedAsync(context.HttpContext);
                context.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
                return;
            }
        }
        await next();
    }
}

// Every refusal of a signed-in user is a security event an administrator can read.
sealed class DeniedAccessLogger : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult result)
    {
        if (result.Forbidden)
            await context.RequestServices.GetRequiredService<SecurityLog>().RecordDeniedAsync(context);
        await standard.HandleAsync(next, context, policy, result);
    }
}

// Data Protection's key ring in the database (see DataProtectionKey).
sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository
{
    public IReadOnlyCollection<System.Xml.Linq.XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(System.Xml.Linq.XElement.Parse).ToList();
    }

    public void StoreElement(System.Xml.Linq.XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(System.Xml.Linq.SaveOptions.DisableFormatting) });
        // Data Protection calls this synchronously.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
