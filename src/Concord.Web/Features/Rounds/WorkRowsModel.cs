namespace Concord.Features.Rounds;

// A page of a round's commitments for _WorkRows.cshtml; `reportLinks` offers the report form (my work).
public sealed record WorkRowsModel(Round Round, IReadOnlyList<RoundQueries.WorkRow> Rows, bool Late, bool ReportLinks);
