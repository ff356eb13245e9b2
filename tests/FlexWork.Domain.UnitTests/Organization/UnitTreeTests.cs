using FlexWork.Domain.Organization;

namespace FlexWork.Domain.UnitTests.Organization;

/// <summary>
/// The org chart of a small ministry: a secretariat headed by the secretary, a bureau under it
/// headed by the bureau head, and a section without a head of its own under the bureau.
/// </summary>
public class UnitTreeTests
{
    private static readonly Guid Secretariat = Guid.NewGuid(), Bureau = Guid.NewGuid(), Section = Guid.NewGuid(), Office = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid(), BureauHead = Guid.NewGuid(), Clerk = Guid.NewGuid(), OfficeHead = Guid.NewGuid();

    private static readonly UnitTree Tree = new(
    [
        new UnitNode(Secretariat, null, Secretary, null),
        new UnitNode(Bureau, Secretariat, BureauHead, "Asia/Makassar"),
        new UnitNode(Section, Bureau, null, null),
        new UnitNode(Office, null, OfficeHead, "Asia/Jayapura"),
    ]);

    [Fact]
    public void The_path_runs_from_the_unit_to_the_top()
    {
        Assert.Equal([Section, Bureau, Secretariat], Tree.PathUp(Section));
        Assert.Empty(Tree.PathUp(Guid.NewGuid()));
    }

    [Fact]
    public void The_nearest_head_decides_and_a_head_goes_to_the_head_above()
    {
        Assert.Equal(BureauHead, Tree.HeadAbove(Section, Clerk));      // the section has no head of its own
        Assert.Equal(Secretary, Tree.HeadAbove(Bureau, BureauHead));   // nobody decides on themselves
        Assert.Null(Tree.HeadAbove(Secretariat, Secretary));           // the top has nobody above
    }

    [Fact]
    public void The_inbox_candidates_are_exactly_the_people_whose_head_above_is_the_head()
    {
        Assert.Equal([Bureau, Section], Tree.UnitsDecidedBy(BureauHead).OrderBy(u => Tree.PathUp(u).Count));
        Assert.Equal([Secretariat], Tree.UnitsDecidedBy(Secretary));
        Assert.Equal([BureauHead], Tree.HeadsDecidedBy(Secretary));
        Assert.Empty(Tree.HeadsDecidedBy(BureauHead));
    }

    [Fact]
    public void Below_a_unit_and_overseen_by_a_head()
    {
        Assert.Equal([Secretariat, Bureau, Section], Tree.Below(Secretariat).OrderBy(u => Tree.PathUp(u).Count));
        Assert.Equal([Bureau, Section], Tree.OverseenBy(BureauHead).OrderBy(u => Tree.PathUp(u).Count));
        Assert.Equal([Office], Tree.HeadedBy(OfficeHead));
    }

    [Fact]
    public void The_time_zone_is_the_first_set_on_the_path()
    {
        Assert.Equal("Asia/Makassar", Tree.TimeZoneOf(Section));
        Assert.Null(Tree.TimeZoneOf(Secretariat));
    }

    [Fact]
    public void A_loop_in_the_data_ends_the_walk()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), head = Guid.NewGuid();
        var looped = new UnitTree([new UnitNode(a, b, null, null), new UnitNode(b, a, null, null)]);

        Assert.Equal([a, b], looped.PathUp(a));
        Assert.Null(looped.HeadAbove(a, head));
        Assert.Equal([a, b], looped.Below(a).OrderBy(u => u == b));
    }
}
