using System.Globalization;
using EventExtractor.Running;
using Spectre.Console;

namespace EventExtractor.Cli;

/// <summary>
/// The live progress line of <c>extract</c> on standard error (only ever used when it is a terminal): articles,
/// events, articles per second, problems, and, when the number of articles could be counted beforehand (file and
/// folder inputs; not standard input), a bar with the time left. Problems printed meanwhile go through it, above the
/// bar, so the two never garble each other.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly CancellationTokenSource _stopCounting = new();
    private readonly Task<long?> _total;
    private ProgressTask? _task;
    private readonly object _gate = new();

    public ProgressDisplay(IReadOnlyList<string> inputs, CancellationToken cancel)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        var token = CancellationTokenSource.CreateLinkedTokenSource(cancel, _stopCounting.Token).Token;
        // Counting a large archive takes a moment: the run starts at once, the bar gets its total when known.
        _total = Task.Run(() =>
        {
            try
            {
                return InputCounter.CountArticles(inputs, token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="work"/> with the progress shown, and clears it at the end.</summary>
    public T Show<T>(Func<T> work)
    {
        T result = default!;
        _console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                lock (_gate)
                {
                    _task = context.AddTask("starting", maxValue: 1);
                    _task.IsIndeterminate = true;
                }
                result = work();
            });
        return result;
    }

    /// <summary>Takes the run's figures (from the run's thread).</summary>
    public void Update(RunProgress p)
    {
        lock (_gate)
        {
            if (_task is null) return;
            double rate = p.Elapsed.TotalSeconds > 0 ? p.ArticlesThisSession / p.Elapsed.TotalSeconds : 0;
            _task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{p.Articles:N0} articles, {p.Records:N0} events, {rate:0} articles/s, {p.Problems:N0} errors"));
            if (_total.IsCompletedSuccessfully && _total.Result is long total && total > 0)
            {
                _task.IsIndeterminate = false;
                _task.MaxValue = Math.Max(total, p.Articles);
            }
            _task.Value = Math.Min(p.Articles, _task.MaxValue);
        }
    }

    /// <summary>Prints one line above the progress bar.</summary>
    public void WriteLine(string line) => _console.WriteLine(line, Style.Plain);

    public void Dispose()
    {
        _stopCounting.Cancel();
        _stopCounting.Dispose();
    }
}
