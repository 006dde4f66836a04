using System.Runtime.ExceptionServices;

namespace GraphAttn.Graph;

/// <summary>Runs independent actions in parallel and rethrows the first failure as itself (not wrapped), so callers
/// and tests see the same <see cref="GraphDataException"/> a sequential run would throw.</summary>
internal static class Concurrently
{
    public static void Run(params Action[] actions)
    {
        try
        {
            Parallel.Invoke(actions);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
