using Normalize.Core.Search;

namespace Normalize.Tests.Search;

public class QueryParserTests
{
    [Theory]
    [InlineData("ballistic", "\"ballistic\"")]
    [InlineData("artillery shells", "(\"artillery\" AND \"shells\")")]
    [InlineData("\"artillery shells\"", "\"artillery shells\"")]
    [InlineData("kim OR putin", "(\"kim\" OR \"putin\")")]
    [InlineData("kim AND putin", "(\"kim\" AND \"putin\")")]
    [InlineData("shells -korea", "(\"shells\" NOT \"korea\")")]
    [InlineData("shells NOT korea", "(\"shells\" NOT \"korea\")")]
    [InlineData("kim OR putin -aurus", "((\"kim\" OR \"putin\") NOT \"aurus\")")]
    [InlineData("ball*", "\"ball\"*")]
    [InlineData("title:pentagon", "title : \"pentagon\"")]
    [InlineData("title:\"white house\"", "title : \"white house\"")]
    [InlineData("(kim OR putin) shells", "((\"kim\" OR \"putin\") AND \"shells\")")]
    [InlineData("C++", "\"C\"")]
    [InlineData("Kim Jong-un", "(\"Kim\" AND \"Jong un\")")]
    [InlineData("say \"hi", "(\"say\" AND \"hi\")")]
    [InlineData("+must have", "(\"must\" AND \"have\")")]
    [InlineData("and or not", "(\"and\" AND \"or\" AND \"not\")")]
    public void TranslatesToQuotedFts5(string query, string expected)
    {
        var result = QueryParser.Parse(query);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.FtsQuery);
    }

    [Theory]
    [InlineData("AND NOT", "AND needs a word on each side")]
    [InlineData("\"", "the query '\"' has no words to search for")]
    [InlineData("++ --", "the query '++ --' has no words to search for")]
    [InlineData("-korea", "the query '-korea' only excludes words; add at least one word to find")]
    [InlineData("shells OR", "OR needs a word on each side")]
    [InlineData("(shells", "a '(' is never closed")]
    [InlineData("shells)", "a ')' has no matching '('")]
    [InlineData("shells NOT", "NOT needs a word after it")]
    [InlineData("", "the query '' has no words to search for")]
    public void BadQueriesGiveAMessage(string query, string message)
    {
        var result = QueryParser.Parse(query);
        Assert.Null(result.FtsQuery);
        Assert.Equal(message, result.Error);
    }
}
