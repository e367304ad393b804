using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Internal;

namespace PerfKit.Evaluation;

/// <summary>The totals path, measure slots, and parallel batches of <see cref="SchemeEvaluator"/>.</summary>
public sealed partial class SchemeEvaluator
{
    /// <summary>
    /// The default number of subjects a parallel batch reads, evaluates and hands on at a time: small enough that the
    /// results waiting in a stream's two chunks stay well inside the collector's youngest generation, large enough that
    /// handing chunks between threads costs little (measurements in docs/performance.md).
    /// </summary>
    public const int DefaultChunkSize = 1024;

    /// <summary>
    /// Gets the measure keys the scheme reads, by slot: slot <c>s</c> of a values span passed to
    /// <see cref="EvaluateTotals(ReadOnlySpan{decimal?}, decimal?)"/> holds the value of <c>Measures[s]</c>.
    /// The order is the scheme's <see cref="Model.Scheme.Measures"/> (indicators, then adjustments, in first-use order).
    /// </summary>
    public ImmutableArray<string> Measures => plan.Measures;

    /// <summary>Gets a value indicating whether subjects can be given as numbers by slot: false when an indicator reads ratings, which only a <see cref="SubjectInput"/> carries.</summary>
    public bool AcceptsValueSlots => !plan.HasRatingIndicators;

    /// <summary>Returns the slot of a measure key in a values span.</summary>
    /// <param name="measure">The measure key, e.g. <c>new_accounts</c>.</param>
    /// <returns>The slot, an index into <see cref="Measures"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentException">The scheme reads no such measure.</exception>
    public int MeasureSlot(string measure)
        => TryGetMeasureSlot(measure, out var slot)
            ? slot
            : throw new ArgumentException($"Scheme '{Scheme.Id}' reads no measure '{measure}'.", nameof(measure));

    /// <summary>Finds the slot of a measure key in a values span.</summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="slot">The slot when found, else −1.</param>
    /// <returns>Whether the scheme reads the measure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public bool TryGetMeasureSlot(string measure, out int slot)
    {
        Guard.NotNull(measure);
        if (plan.SlotByMeasure.TryGetValue(measure, out slot))
        {
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>
    /// Evaluates one subject's totals: the numbers of <see cref="Evaluate"/> without the explanation, to the last digit
    /// the same. Supports everything the full path does (ratings, overrides, missing-value policies, exclusions, scoped
    /// penalties, every gate); with built-in number scorers it allocates nothing on success.
    /// </summary>
    /// <param name="input">The subject's data.</param>
    /// <returns>The totals, or (when <see cref="TotalsResult.Succeeded"/> is false) the first problem's code and path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A host scorer returned a score outside its declared range, or a default outcome.</exception>
    public TotalsResult EvaluateTotals(SubjectInput input) => EvaluateTotals(input, default);

    /// <summary>Evaluates one subject's totals and writes each gate's outcome (true = passed) into <paramref name="gatesPassed"/>.</summary>
    /// <param name="input">The subject's data.</param>
    /// <param name="gatesPassed">Empty, or one flag per gate of <see cref="Model.Scheme.Gates"/>, in scheme order; written on success only.</param>
    /// <returns>The totals, or the first problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="gatesPassed"/> is neither empty nor as long as the scheme's gates.</exception>
    /// <exception cref="InvalidOperationException">A host scorer returned a score outside its declared range, or a default outcome.</exception>
    public TotalsResult EvaluateTotals(SubjectInput input, Span<bool> gatesPassed)
    {
        Guard.NotNull(input);
        CheckGateBuffer(gatesPassed.Length);
        var run = Rent();
        try
        {
            return TotalsWith(run, input, gatesPassed);
        }
        finally
        {
            Return(run);
        }
    }

    /// <summary>
    /// Evaluates one subject's totals from its values by slot (see <see cref="Measures"/>, <see cref="MeasureSlot"/>):
    /// null is a missing value. No ratings, no overrides; unknown measures cannot occur. Allocates nothing on success
    /// with built-in scorers. Same decimals as <see cref="Evaluate"/> on a <see cref="SubjectInput"/> with the same values.
    /// </summary>
    /// <param name="values">One value per slot.</param>
    /// <param name="basePay">The base pay, or null for no payout.</param>
    /// <returns>The totals, or the first problem.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not as long as <see cref="Measures"/>.</exception>
    /// <exception cref="InvalidOperationException">An indicator reads ratings (<see cref="AcceptsValueSlots"/> is false), or a host scorer misbehaved.</exception>
    public TotalsResult EvaluateTotals(ReadOnlySpan<decimal?> values, decimal? basePay) => EvaluateTotals(values, basePay, default);

    /// <summary>Evaluates one subject's totals from its values by slot and writes each gate's outcome into <paramref name="gatesPassed"/>.</summary>
    /// <param name="values">One value per slot.</param>
    /// <param name="basePay">The base pay, or null.</param>
    /// <param name="gatesPassed">Empty, or one flag per gate, in scheme order; written on success only.</param>
    /// <returns>The totals, or the first problem.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not as long as <see cref="Measures"/>, or <paramref name="gatesPassed"/> is neither empty nor one per gate.</exception>
    /// <exception cref="InvalidOperationException">An indicator reads ratings (<see cref="AcceptsValueSlots"/> is false), or a host scorer misbehaved.</exception>
    public TotalsResult EvaluateTotals(ReadOnlySpan<decimal?> values, decimal? basePay, Span<bool> gatesPassed)
    {
        CheckSlots(values.Length, 1);
        CheckGateBuffer(gatesPassed.Length);
        var run = Rent();

        // The straight-line kernel leaves nothing behind that the pool would need to clear.
        if (plan.FastTotals && run.TryFastTotals(values, basePay, null, gatesPassed, out var fast))
        {
            ReturnClean(run);
            return fast;
        }

        try
        {
            run.Begin(values, basePay);
            return run.ExecuteTotals(null, gatesPassed);
        }
        finally
        {
            Return(run);
        }
    }

    /// <summary>
    /// Evaluates a batch of subjects given as rows of values by slot, on the calling thread, writing one result per row
    /// into <paramref name="results"/> (same index, so results are in input order). Allocates nothing with built-in scorers.
    /// </summary>
    /// <param name="rows">The values, row after row, <see cref="Measures"/>.Length per row.</param>
    /// <param name="basePays">Empty (no payouts), or one base pay per row (null for none).</param>
    /// <param name="results">Where the results go, one per row.</param>
    /// <returns>The number of subjects that succeeded.</returns>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    /// <exception cref="InvalidOperationException">An indicator reads ratings, or a host scorer misbehaved.</exception>
    public int EvaluateTotalsBatch(ReadOnlySpan<decimal?> rows, ReadOnlySpan<decimal?> basePays, Span<TotalsResult> results)
    {
        CheckBatch(rows.Length, basePays.Length, results.Length);
        var run = Rent();
        try
        {
            return TotalsRows(run, rows, basePays, results, 0, results.Length);
        }
        finally
        {
            Return(run);
        }
    }

    /// <summary>
    /// Evaluates a batch of rows like <see cref="EvaluateTotalsBatch(ReadOnlySpan{decimal?}, ReadOnlySpan{decimal?}, Span{TotalsResult})"/>,
    /// on up to <paramref name="maxDegreeOfParallelism"/> threads. Each result lands at its row's index, so the order is
    /// the input order whatever thread computed it. Fill, evaluate and drain one buffer at a time to stream any number
    /// of subjects in constant memory.
    /// </summary>
    /// <param name="rows">The values, <see cref="Measures"/>.Length per row.</param>
    /// <param name="basePays">Empty, or one base pay per row.</param>
    /// <param name="results">Where the results go.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <returns>The number of subjects that succeeded.</returns>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">An indicator reads ratings, or a host scorer misbehaved.</exception>
    public int EvaluateTotalsBatchParallel(ReadOnlyMemory<decimal?> rows, ReadOnlyMemory<decimal?> basePays, Memory<TotalsResult> results, int maxDegreeOfParallelism)
    {
        CheckBatch(rows.Length, basePays.Length, results.Length);
        var workers = Workers(maxDegreeOfParallelism, results.Length);
        var succeeded = 0;
        var next = 0;
        var width = Measures.Length;
        RunWorkers(workers, () =>
        {
            var run = Rent();
            try
            {
                var mine = 0;
                for (var start = Interlocked.Add(ref next, Block) - Block; start < results.Length; start = Interlocked.Add(ref next, Block) - Block)
                {
                    var end = Math.Min(start + Block, results.Length);
                    mine += TotalsRows(run, rows.Span[(start * width)..(end * width)], basePays.IsEmpty ? default : basePays.Span[start..end], results.Span, start, end);
                }

                Interlocked.Add(ref succeeded, mine);
            }
            finally
            {
                Return(run);
            }
        });
        return succeeded;
    }

    /// <summary>
    /// Evaluates a stream of subjects on several threads with the full path, lazily, results in input order. Reads
    /// <paramref name="chunkSize"/> subjects, evaluates them in parallel, yields their results and drops them, so memory
    /// stays flat however long the stream (as long as the caller does not keep the results). On more than one thread
    /// the next chunk is read (on the caller's thread) while the current one is evaluated, so the source runs up to one
    /// chunk ahead of the results; the caller's thread is one of the <paramref name="maxDegreeOfParallelism"/> threads
    /// and evaluates once it has yielded and read. On one thread each chunk is read, evaluated and yielded in turn.
    /// </summary>
    /// <param name="inputs">The subjects.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="chunkSize">Subjects per chunk (default <see cref="DefaultChunkSize"/>).</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null, or (when enumerated) yields null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative or <paramref name="chunkSize"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">A host scorer misbehaved (when enumerated).</exception>
    public IEnumerable<EvaluationResult> EvaluateManyParallel(IEnumerable<SubjectInput> inputs, int maxDegreeOfParallelism = 0, int chunkSize = DefaultChunkSize)
    {
        Guard.NotNull(inputs);
        CheckParallel(maxDegreeOfParallelism, chunkSize);
        return Chunked(inputs, maxDegreeOfParallelism, chunkSize, static (evaluator, run, input) => evaluator.EvaluateWith(run, input));
    }

    /// <summary>
    /// Evaluates a stream of subjects' totals on several threads, lazily, results in input order (each carries its
    /// <see cref="TotalsResult.SubjectId"/>), in flat memory like <see cref="EvaluateManyParallel"/>.
    /// </summary>
    /// <param name="inputs">The subjects.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="chunkSize">Subjects per chunk (default <see cref="DefaultChunkSize"/>).</param>
    /// <returns>The totals, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null, or (when enumerated) yields null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative or <paramref name="chunkSize"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">A host scorer misbehaved (when enumerated).</exception>
    public IEnumerable<TotalsResult> EvaluateTotalsManyParallel(IEnumerable<SubjectInput> inputs, int maxDegreeOfParallelism = 0, int chunkSize = DefaultChunkSize)
    {
        Guard.NotNull(inputs);
        CheckParallel(maxDegreeOfParallelism, chunkSize);
        return Chunked(inputs, maxDegreeOfParallelism, chunkSize, static (evaluator, run, input) => evaluator.TotalsWith(run, input, default));
    }

    /// <summary>Subjects a parallel worker takes at a time (small enough to balance two busy cores, large enough to amortize the counter).</summary>
    private const int Block = 64;

    /// <summary>
    /// The full path without the straight-line kernel and with every scorer asked for its explanation as it scores
    /// (none recorded to be asked on reading): the general evaluation's assessment, the reference the tests hold the
    /// kernel's assessments and totals, and the tree built on reading, to.
    /// </summary>
    internal EvaluationResult EvaluateGeneral(SubjectInput input)
    {
        var run = Rent();
        try
        {
            return EvaluateWith(run, input, kernel: false);
        }
        finally
        {
            ReturnClean(run);
        }
    }

    private EvaluationResult EvaluateWith(Run run, SubjectInput input, bool kernel = true)
    {
        try
        {
            if (kernel && plan.FastTotals && plan.FullEffectiveWeights is not null && run.TryReadNumbers(input) && run.TryFastAssessment(input, out var fast))
            {
                return new EvaluationResult(input.SubjectId, fast, []);
            }

            run.Begin(input, explain: true, scoreExplained: !kernel);
            var assessment = run.Execute();
            var problems = run.Errors.Count == 0 ? ImmutableArray<Problem>.Empty : [.. run.Errors];
            return new EvaluationResult(input.SubjectId, assessment, problems);
        }
        finally
        {
            run.End();
        }
    }

    private TotalsResult TotalsWith(Run run, SubjectInput input, Span<bool> gatesPassed)
    {
        try
        {
            if (plan.FastTotals && run.TryReadNumbers(input) && run.TryFastTotals(run.Numbers, input.BasePay, input.SubjectId, gatesPassed, out var fast))
            {
                return fast;
            }

            run.Begin(input, explain: false);
            return run.ExecuteTotals(input.SubjectId, gatesPassed);
        }
        finally
        {
            run.End();
        }
    }

    private int TotalsRows(Run run, ReadOnlySpan<decimal?> rows, ReadOnlySpan<decimal?> basePays, Span<TotalsResult> results, int start, int end)
    {
        var width = Measures.Length;
        var succeeded = 0;
        for (var r = start; r < end; r++)
        {
            var at = r - start;
            var row = rows.Slice(at * width, width);
            var pay = basePays.IsEmpty ? null : basePays[at];
            if (!plan.FastTotals || !run.TryFastTotals(row, pay, null, default, out var result))
            {
                run.Begin(row, pay);
                result = run.ExecuteTotals(null, default);
            }

            results[r] = result;
            succeeded += result.Succeeded ? 1 : 0;
        }

        return succeeded;
    }

    /// <summary>
    /// Streams in chunks, results in input order, the source enumerated on the caller's thread only. On one thread
    /// (<paramref name="maxDegreeOfParallelism"/> 1, or 0 on a one-core machine) each chunk is read, evaluated and
    /// yielded in turn; on more, <see cref="Pipelined"/> overlaps the serial parts with the evaluation.
    /// </summary>
    private IEnumerable<TResult> Chunked<TResult>(IEnumerable<SubjectInput> source, int maxDegreeOfParallelism, int chunkSize, Func<SchemeEvaluator, Run, SubjectInput, TResult> evaluate)
        => maxDegreeOfParallelism == 1 || (maxDegreeOfParallelism == 0 && Environment.ProcessorCount == 1)
            ? Serial(source, chunkSize, evaluate)
            : Pipelined(source, maxDegreeOfParallelism, chunkSize, evaluate);

    private IEnumerable<TResult> Serial<TResult>(IEnumerable<SubjectInput> source, int chunkSize, Func<SchemeEvaluator, Run, SubjectInput, TResult> evaluate)
    {
        var chunk = new Chunk<TResult>(chunkSize);
        using var e = source.GetEnumerator();
        do
        {
            chunk.Fill(e, source);
            EvaluateChunk(chunk, 1, evaluate);
            for (var i = 0; i < chunk.Count; i++)
            {
                yield return chunk.Take(i);
            }
        }
        while (chunk.Count == chunkSize);
    }

    /// <summary>
    /// Streams with two buffers on the caller's thread and <c>maxDegreeOfParallelism − 1</c> helpers, so that the serial
    /// parts overlap the evaluation without a thread more than the cores asked for: while the helpers evaluate one
    /// chunk, the caller's thread yields the previous chunk's results, reads the chunk after into the buffer it has just
    /// emptied, and then evaluates what the helpers have not yet taken of the chunk in flight.
    /// </summary>
    private IEnumerable<TResult> Pipelined<TResult>(IEnumerable<SubjectInput> source, int maxDegreeOfParallelism, int chunkSize, Func<SchemeEvaluator, Run, SubjectInput, TResult> evaluate)
    {
        var helpers = (maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism) - 1;
        var current = new Chunk<TResult>(chunkSize);
        var following = new Chunk<TResult>(chunkSize);
        using var e = source.GetEnumerator();
        Task? pending = null;
        try
        {
            current.Fill(e, source);
            if (current.Count == 0)
            {
                yield break;
            }

            EvaluateChunk(current, maxDegreeOfParallelism, evaluate);
            if (current.Count == chunkSize)
            {
                following.Fill(e, source);
            }

            while (true)
            {
                Task? evaluating = null;
                if (following.Count > 0)
                {
                    following.Begin();
                    var chunk = following;
                    evaluating = pending = StartHelpers(helpers, () => EvaluateBlocks(chunk, evaluate));
                }

                for (var i = 0; i < current.Count; i++)
                {
                    yield return current.Take(i);
                }

                if (evaluating is null)
                {
                    yield break;
                }

                // The emptied buffer takes the chunk after next (only when the source may have more), then the caller's
                // thread joins the helpers on the chunk in flight.
                if (following.Count == chunkSize)
                {
                    current.Fill(e, source);
                }
                else
                {
                    current.Clear();
                }

                EvaluateBlocks(following, evaluate);
                pending = null;
                Wait(evaluating);
                (current, following) = (following, current);
            }
        }
        finally
        {
            // A consumer that stops early, or a source or scorer that throws, must not leave helpers evaluating behind.
            if (pending is not null)
            {
                try
                {
                    pending.Wait();
                }
                catch (AggregateException)
                {
                    // The chunk's results are not wanted any more; its failure is not this caller's to see.
                }
            }
        }
    }

    /// <summary>Starts <paramref name="helpers"/> tasks running <paramref name="work"/>.</summary>
    private static Task StartHelpers(int helpers, Action work)
    {
        if (helpers == 1)
        {
            return Task.Run(work);
        }

        var tasks = new Task[helpers];
        for (var h = 0; h < helpers; h++)
        {
            tasks[h] = Task.Run(work);
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>Evaluates the blocks of a chunk that no other thread has taken, until none is left.</summary>
    private void EvaluateBlocks<TResult>(Chunk<TResult> chunk, Func<SchemeEvaluator, Run, SubjectInput, TResult> evaluate)
    {
        var n = chunk.Count;
        var run = Rent();
        try
        {
            for (var start = chunk.Claim(); start < n; start = chunk.Claim())
            {
                var end = Math.Min(start + Block, n);
                for (var i = start; i < end; i++)
                {
                    chunk.Results[i] = evaluate(this, run, chunk.Inputs[i]);
                }
            }
        }
        finally
        {
            Return(run);
        }
    }

    /// <summary>Evaluates a whole chunk on up to <paramref name="maxDegreeOfParallelism"/> threads, the caller's among them.</summary>
    private void EvaluateChunk<TResult>(Chunk<TResult> chunk, int maxDegreeOfParallelism, Func<SchemeEvaluator, Run, SubjectInput, TResult> evaluate)
    {
        chunk.Begin();
        RunWorkers(Workers(maxDegreeOfParallelism, chunk.Count), () => EvaluateBlocks(chunk, evaluate));
    }

    /// <summary>Waits for a chunk's evaluation and rethrows a worker's exception as itself.</summary>
    private static void Wait(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>One buffer of the stream: the inputs read and the results written at the same index.</summary>
    private sealed class Chunk<TResult>(int size)
    {
        public SubjectInput[] Inputs { get; } = new SubjectInput[size];

        public TResult[] Results { get; } = new TResult[size];

        public int Count { get; private set; }

        /// <summary>The first subject of the next block to be claimed.</summary>
        private int next;

        /// <summary>Readies the chunk for evaluation: its first block is the next to be claimed.</summary>
        public void Begin() => next = 0;

        /// <summary>Claims the next block of <see cref="Block"/> subjects; returns its first index (at or past <see cref="Count"/> when none is left).</summary>
        public int Claim() => Interlocked.Add(ref next, Block) - Block;

        /// <summary>Marks the chunk empty (the source is exhausted).</summary>
        public void Clear() => Count = 0;

        /// <summary>Hands out a result and lets go of it and its input, so a yielded chunk keeps nothing alive.</summary>
        public TResult Take(int index)
        {
            var result = Results[index];
            Results[index] = default!;
            Inputs[index] = null!;
            return result;
        }

        public void Fill(IEnumerator<SubjectInput> e, IEnumerable<SubjectInput> source)
        {
            Count = 0;
            while (Count < Inputs.Length && e.MoveNext())
            {
                Inputs[Count++] = e.Current ?? throw new ArgumentNullException(nameof(source), "The input sequence yielded null.");
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="workers"/> threads (the caller's among them) and rethrows a worker's exception as itself.</summary>
    private static void RunWorkers(int workers, Action work)
    {
        if (workers == 1)
        {
            work();
            return;
        }

        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => work());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    private static int Workers(int maxDegreeOfParallelism, int items)
    {
        var workers = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        return Math.Max(1, Math.Min(workers, (items + Block - 1) / Block));
    }

    private static void CheckParallel(int maxDegreeOfParallelism, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
    }

    private void CheckSlots(int length, int rowsCount)
    {
        if (plan.HasRatingIndicators)
        {
            throw new InvalidOperationException(
                $"Scheme '{Scheme.Id}' has indicators that read ratings, which values by slot cannot carry; evaluate its subjects with EvaluateTotals(SubjectInput).");
        }

        if (length != Measures.Length * rowsCount)
        {
            throw new ArgumentException($"Expected {Measures.Length * rowsCount} values ({Measures.Length} measures × {rowsCount} subjects), got {length}; see SchemeEvaluator.Measures.", "values");
        }
    }

    private void CheckBatch(int rows, int basePays, int results)
    {
        CheckSlots(rows, results);
        if (basePays != 0 && basePays != results)
        {
            throw new ArgumentException($"Expected no base pays or one per subject ({results}), got {basePays}.", nameof(basePays));
        }
    }

    private void CheckGateBuffer(int length)
    {
        if (length != 0 && length != Scheme.Gates.Length)
        {
            throw new ArgumentException($"The gate buffer must be empty or hold one flag per gate ({Scheme.Gates.Length}); it holds {length}.", "gatesPassed");
        }
    }
}
