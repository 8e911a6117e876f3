using Normalize.Core.Names;

namespace Normalize.Tests.Names;

public class RomanizerTests
{
    [Theory]
    [InlineData("Харків", "uk", "Kharkiv")]
    [InlineData("Харків", "uk", "Charkiw")]
    [InlineData("Запоріжжя", "uk", "Zaporizhzhia")]
    [InlineData("Миколаїв", "uk", "Mykolaiv")]
    [InlineData("Київ", "uk", "Kyjiw")]
    [InlineData("Зеленський", "uk", "Selenskyj")]
    [InlineData("Путин", "ru", "Poetin")]
    [InlineData("Шойгу", "ru", "Sjojgoe")]
    [InlineData("Шойгу", "ru", "Schoigu")]
    [InlineData("Песков", "ru", "Peskov")]
    public void GivesThePressSpellings(string cyrillic, string lang, string expected)
    {
        Assert.Contains(expected, Romanizer.Variants(cyrillic, lang));
    }

    [Fact]
    public void LatinTextHasNoRomanisation()
    {
        Assert.Empty(Romanizer.Variants("Kyiv", "uk"));
    }
}
