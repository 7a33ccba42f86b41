using CallCenter.Telephony.Events;

namespace CallCenter.Telephony.Acd;

/// <summary>
/// The agents' state changes (a singleton). The ACD publishes; Core's interval writer and the pages subscribe.
/// Like the call event stream, subscribers run on the publisher's thread and must only queue.
/// </summary>
public sealed class AgentEventStream : EventStream<AgentStateChanged>;
