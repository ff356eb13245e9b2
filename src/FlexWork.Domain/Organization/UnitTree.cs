namespace FlexWork.Domain.Organization;

/// <summary>What the rules read of a unit: where it hangs, who heads it, its own time zone.</summary>
public sealed record UnitNode(Guid Id, Guid? ParentId, Guid? HeadEmployeeId, string? TimeZoneId);

/// <summary>
/// An agency's org chart as the rules walk it: a unit's path up to the top (for unit overrides,
/// holidays and the time zone), the head who decides above an employee, and the units below a
/// head (what they oversee). One answer for decisions, escalation, inboxes, schedules and the
/// policy engine. A loop in the data (which the unit editor refuses) ends a walk instead of
/// hanging it.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, UnitNode> _units;
    private readonly ILookup<Guid, Guid> _children;

    public UnitTree(IEnumerable<UnitNode> units)
    {
        _units = units.ToDictionary(u => u.Id);
        _children = _units.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
    }

    public bool Contains(Guid unitId) => _units.ContainsKey(unitId);

    /// <summary>Whether these units are every unit of the agency.</summary>
    public bool IsEveryUnit(IReadOnlyCollection<Guid> unitIds) => unitIds.Count >= _units.Count && new HashSet<Guid>(unitIds).IsSupersetOf(_units.Keys);

    /// <summary>The unit, its parent, and so on up to the top.</summary>
    public IReadOnlyList<Guid> PathUp(Guid unitId)
    {
        var path = new List<Guid>();
        for (Guid? id = unitId; id is { } current && _units.TryGetValue(current, out var unit) && !path.Contains(current); id = unit.ParentId)
        {
            path.Add(current);
        }

        return path;
    }

    /// <summary>
    /// The nearest head on the unit's path who is not <paramref name="employeeId"/>: who decides
    /// above that employee at the unit level. A head's own requests go to the head above them.
    /// </summary>
    public Guid? HeadAbove(Guid unitId, Guid employeeId) =>
        PathUp(unitId).Select(id => _units[id].HeadEmployeeId).FirstOrDefault(head => head is { } h && h != employeeId);

    /// <summary>
    /// The units whose people <paramref name="head"/> decides at the unit level: under them, with
    /// no nearer head in between. With <see cref="HeadsDecidedBy"/>, everyone whose level-2
    /// decider <see cref="HeadAbove"/> names them (the inbox's candidates).
    /// </summary>
    public HashSet<Guid> UnitsDecidedBy(Guid head) => OverseenBy(head).Where(unit => NearestHead(unit) == head).ToHashSet();

    /// <summary>The heads of other units whose own requests go up to <paramref name="head"/>.</summary>
    public HashSet<Guid> HeadsDecidedBy(Guid head) =>
        _units.Values.Where(u => u.HeadEmployeeId is { } h && h != head && HeadAbove(u.Id, h) == head).Select(u => u.HeadEmployeeId!.Value).ToHashSet();

    /// <summary>The first time zone set on the unit's path; null when the agency's applies.</summary>
    public string? TimeZoneOf(Guid unitId) => PathUp(unitId).Select(id => _units[id].TimeZoneId).FirstOrDefault(zone => zone is not null);

    private Guid? NearestHead(Guid unitId) => PathUp(unitId).Select(id => _units[id].HeadEmployeeId).FirstOrDefault(head => head is not null);

    /// <summary>The units the employee heads.</summary>
    public IReadOnlyList<Guid> HeadedBy(Guid employeeId) => [.. _units.Values.Where(u => u.HeadEmployeeId == employeeId).Select(u => u.Id)];

    /// <summary>The unit and every unit under it (a new set, the caller's to keep).</summary>
    public HashSet<Guid> Below(Guid root)
    {
        var found = new HashSet<Guid> { root };
        var queue = new Queue<Guid>([root]);
        while (queue.TryDequeue(out var unit))
        {
            foreach (var child in _children[unit].Where(found.Add))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The units the employee oversees as a head: those they head and everything under them.</summary>
    public HashSet<Guid> OverseenBy(Guid employeeId) => HeadedBy(employeeId).SelectMany(Below).ToHashSet();
}
