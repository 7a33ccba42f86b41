namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>The binding update rules of RFC 3261 §10.3 steps 6 and 7, on one extension's list (caller holds its lock).</summary>
internal static class BindingUpdate
{
    public static RegistrationOutcome Apply(
        List<SipBinding> list,
        RegistrationRequest request,
        DateTimeOffset now,
        int maxContacts,
        List<RegistrationChanged> changes)
    {
        // Check everything first: "the binding updates MUST be committed ... only if all binding
        // updates and additions succeed" (step 8).
        if (request.RemoveAll)
        {
            // Step 6: remove a binding of another Call-ID; of the same Call-ID only with a higher CSeq.
            if (list.Exists(b => b.CallId == request.CallId && request.CSeq <= b.CSeq))
            {
                return RegistrationOutcome.OutOfOrder;
            }
            changes.AddRange(list.Select(b => new RegistrationChanged(request.Extension, b, RegistrationChangeKind.Removed)));
            list.Clear();
            return RegistrationOutcome.Applied;
        }

        foreach (var contact in request.Contacts)
        {
            var existing = list.Find(b => SameContact(b.ContactUri, contact.Uri));
            if (existing is not null && existing.CallId == request.CallId && request.CSeq <= existing.CSeq)
            {
                return RegistrationOutcome.OutOfOrder;
            }
        }
        var added = request.Contacts.Count(c => c.ExpiresSeconds > 0 && !list.Exists(b => SameContact(b.ContactUri, c.Uri)));
        var removed = request.Contacts.Count(c => c.ExpiresSeconds == 0 && list.Exists(b => SameContact(b.ContactUri, c.Uri)));
        if (added > 0 && list.Count + added - removed > maxContacts)
        {
            return RegistrationOutcome.TooManyContacts;
        }

        foreach (var contact in request.Contacts)
        {
            var index = list.FindIndex(b => SameContact(b.ContactUri, contact.Uri));
            if (contact.ExpiresSeconds == 0)
            {
                if (index >= 0)
                {
                    changes.Add(new RegistrationChanged(request.Extension, list[index], RegistrationChangeKind.Removed));
                    list.RemoveAt(index);
                }
                continue;
            }
            var binding = new SipBinding
            {
                Extension = request.Extension,
                ContactUri = contact.Uri,
                ContactParameters = contact.Parameters,
                Source = request.Source,
                CallId = request.CallId,
                CSeq = request.CSeq,
                ExpiresSeconds = contact.ExpiresSeconds,
                ExpiresAt = now.AddSeconds(contact.ExpiresSeconds),
                RegisteredAt = index >= 0 ? list[index].RegisteredAt : now,
                UserAgent = request.UserAgent,
            };
            if (index >= 0)
            {
                list[index] = binding;
                changes.Add(new RegistrationChanged(request.Extension, binding, RegistrationChangeKind.Refreshed));
            }
            else
            {
                list.Add(binding);
                changes.Add(new RegistrationChanged(request.Extension, binding, RegistrationChangeKind.Added));
            }
        }
        return RegistrationOutcome.Applied;
    }

    // RFC 3261 §10.3 step 7 compares contact URIs with the rules of §19.1.4. Phones send back the very
    // URI they registered, so scheme and host are compared without case and the rest exactly.
    internal static bool SameContact(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }
        var atA = a.IndexOf('@', StringComparison.Ordinal);
        var atB = b.IndexOf('@', StringComparison.Ordinal);
        if (atA < 0 || atA != atB || !a.AsSpan(0, atA).Equals(b.AsSpan(0, atB), StringComparison.Ordinal))
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) && atA < 0;
        }
        return a.AsSpan(atA).Equals(b.AsSpan(atB), StringComparison.OrdinalIgnoreCase);
    }
}
