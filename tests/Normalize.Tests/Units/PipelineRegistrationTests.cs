using Normalize.Core;
using Normalize.Core.Pipeline;

namespace Normalize.Tests.Units;

public class PipelineRegistrationTests
{
    [Fact]
    public void NamesAndUnitsRunAfterTypographyInThatOrder()
    {
        var names = DefaultPipeline.CreateBuilder().StageNamesInOrder.ToList();
        Assert.True(names.IndexOf(StageNames.Typography) < names.IndexOf(StageNames.Names));
        Assert.True(names.IndexOf(StageNames.Names) < names.IndexOf(StageNames.Units));
    }
}
