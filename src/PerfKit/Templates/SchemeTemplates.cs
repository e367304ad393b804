using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Templates;

/// <summary>
/// The catalogue of scheme templates from banking practice embedded in PerfKit, loadable by name: the A bank's
/// 105-point customer-manager scheme and its BSC-OKR redesign, role weight templates, templates for brokers, insurance
/// agents and inclusive-finance loan officers, and the Ministry of Finance's commercial-bank evaluation. Each template
/// is documented in <c>docs/templates/&lt;name&gt;.md</c> (source practice, targets, scorers, weights, gates).
/// </summary>
/// <remarks>
/// Thread-safe. Each template is built once, on first use, and the same immutable <see cref="Scheme"/> instance is
/// returned to every caller afterwards. The templates use the built-in scorer kinds only. To adapt a template, build
/// your own scheme with <see cref="Scheme.CreateBuilder"/> using the documented parameters.
/// </remarks>
public static class SchemeTemplates
{
    private static readonly ImmutableArray<(string Name, Func<Scheme> Build)> Catalogue =
    [
        (ABankTemplates.ABank2023Name, ABankTemplates.ABank2023),
        (ABankTemplates.BscOkrName, ABankTemplates.BscOkr),
        (RoleTemplates.CustomerManagerName, RoleTemplates.CustomerManager),
        (RoleTemplates.RiskControlName, RoleTemplates.RiskControl),
        (RoleTemplates.BackOfficeName, RoleTemplates.BackOffice),
        (IntermediaryTemplates.SecuritiesBrokerName, IntermediaryTemplates.SecuritiesBroker),
        (IntermediaryTemplates.InsuranceAgentName, IntermediaryTemplates.InsuranceAgent),
        (IntermediaryTemplates.InclusiveLoanOfficerName, IntermediaryTemplates.InclusiveLoanOfficer),
        (RegulatoryTemplates.MofCommercialBankName, RegulatoryTemplates.MofCommercialBank),
    ];

    private static readonly FrozenDictionary<string, Lazy<Scheme>> Templates = Catalogue.ToFrozenDictionary(
        t => t.Name,
        t => new Lazy<Scheme>(t.Build, LazyThreadSafetyMode.ExecutionAndPublication),
        StringComparer.Ordinal);

    /// <summary>
    /// Gets the names of the embedded templates in catalogue order: <c>a-bank-2023</c>, <c>a-bank-bsc-okr</c>,
    /// <c>role-customer-manager</c>, <c>role-risk-control</c>, <c>role-back-office</c>, <c>securities-broker</c>,
    /// <c>insurance-agent</c>, <c>inclusive-loan-officer</c>, <c>mof-commercial-bank</c>. Each name is also the id of
    /// the scheme it loads.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = Catalogue.Select(t => t.Name).ToImmutableArray();

    /// <summary>Loads a template by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The template name, one of <see cref="Names"/>.</param>
    /// <returns>The scheme; the same instance on every call for the same name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No template has that name; the message lists the available templates.</exception>
    public static Scheme Load(string name)
        => TryLoad(name, out var scheme)
            ? scheme
            : throw new ArgumentException($"No scheme template is named '{name}'. Available templates: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Loads a template by name (ordinal, case-sensitive) without throwing for an unknown name.</summary>
    /// <param name="name">The template name.</param>
    /// <param name="scheme">The scheme when the name is known; otherwise <see langword="null"/>.</param>
    /// <returns>Whether a template has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool TryLoad(string name, [NotNullWhen(true)] out Scheme? scheme)
    {
        if (Templates.TryGetValue(Guard.NotNull(name), out var template))
        {
            scheme = template.Value;
            return true;
        }

        scheme = null;
        return false;
    }
}
