namespace FlexWork.Domain.Common;

/// <summary>Cycle detection shared by the unit tree and the supervisor chain.</summary>
public static class Hierarchy
{
    /// <summary>
    /// True when making <paramref name="newParent"/> the parent of <paramref name="node"/> would
    /// close a loop, i.e. <paramref name="node"/> is <paramref name="newParent"/> or one of its ancestors.
    /// </summary>
    public static bool WouldCreateCycle(Guid node, Guid? newParent, Func<Guid, Guid?> parentOf)
    {
        var visited = new HashSet<Guid>();
        for (var current = newParent; current is { } id; current = parentOf(id))
        {
            if (id == node)
            {
                return true;
            }

            if (!visited.Add(id))
            {
                // The existing chain already loops; never let a change attach to it.
                return true;
            }
        }

        return false;
    }
}
