using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>
/// Plugs the <see cref="SipRequestDispatcher"/> into the transaction layer as a Transaction User: every
/// request it is asked about is answered on its server transaction (RFC 3261 §17.2).
/// </summary>
public sealed class SipServerRequestHandler(SipRequestDispatcher dispatcher) : ISipRequestHandler
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> SupportedMethods { get; } = [SipMethods.Register, SipMethods.Options];

    /// <inheritdoc />
    public async Task<bool> OnRequestAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var response = await dispatcher.HandleAsync(request, transaction.Source, transaction.LocalTag, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return false;
        }
        await transaction.SendResponseAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
