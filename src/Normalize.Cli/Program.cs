using Normalize.Cli;

return await NormalizeCli.RunAsync(args, CommandIO.FromConsole());
