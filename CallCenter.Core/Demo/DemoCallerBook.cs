namespace CallCenter.Core.Demo;

/// <summary>Who calls: about half the time a customer (by one of its numbers), otherwise an unknown number.</summary>
internal sealed class DemoCallerBook
{
    private readonly IReadOnlyList<(string Number, Guid CustomerId)> _customers;
    private readonly HashSet<string> _known;
    private readonly Random _random;

    public DemoCallerBook(IReadOnlyList<(string Number, Guid CustomerId)> customers, Random random)
    {
        _customers = customers;
        _random = random;
        // Unknown callers must really be unknown, or a call would miss the customer it belongs to.
        _known = new HashSet<string>(customers.Select(c => c.Number), StringComparer.Ordinal) { DemoContract.BlacklistedNumber };
    }

    public (string Number, Guid? CustomerId) Next()
    {
        if (_customers.Count > 0 && _random.NextDouble() < 0.55)
        {
            var (number, customerId) = _random.Pick(_customers);
            return (number, customerId);
        }
        while (true)
        {
            var number = _random.NextDouble() < 0.85
                ? DemoNames.MobileNumber(_random)
                : DemoNames.FixedLineNumber(_random, _random.Pick(DemoNames.Cities).AreaCode);
            if (!_known.Contains(number))
            {
                return (number, null);
            }
        }
    }
}
