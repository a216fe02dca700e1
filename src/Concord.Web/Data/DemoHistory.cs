namespace Concord.Data;

// TODO(helper): loads the Vietnam-Laos history; being written now.
public static class DemoHistory
{
    public static Task LoadIfEmptyAsync(ConcordDb db, CancellationToken ct) => Task.CompletedTask;
}
