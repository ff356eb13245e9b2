using FlexWork.Domain.Common;

namespace FlexWork.Domain.UnitTests.Common;

public class HierarchyTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void A_node_cannot_become_its_own_parent() =>
        Assert.True(Hierarchy.WouldCreateCycle(A, A, _ => null));

    [Fact]
    public void Attaching_under_a_descendant_is_a_cycle()
    {
        // C is under B, B under A: moving A under C closes the loop A → C → B → A.
        var parents = new Dictionary<Guid, Guid?> { [B] = A, [C] = B };
        Assert.True(Hierarchy.WouldCreateCycle(A, C, id => parents.GetValueOrDefault(id)));
    }

    [Fact]
    public void Attaching_under_an_unrelated_branch_is_fine()
    {
        var parents = new Dictionary<Guid, Guid?> { [C] = B };
        Assert.False(Hierarchy.WouldCreateCycle(A, C, id => parents.GetValueOrDefault(id)));
        Assert.False(Hierarchy.WouldCreateCycle(A, null, id => parents.GetValueOrDefault(id)));
    }

    [Fact]
    public void An_existing_loop_above_the_new_parent_is_refused_instead_of_spinning()
    {
        var parents = new Dictionary<Guid, Guid?> { [B] = C, [C] = B };
        Assert.True(Hierarchy.WouldCreateCycle(A, B, id => parents.GetValueOrDefault(id)));
    }
}
