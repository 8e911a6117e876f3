using Normalize.Cli;
using Normalize.Core.Diagnostics;

var exitCode = await NormalizeCli.RunAsync(args, CommandIO.FromConsole());
RuntimeStats.WriteIfRequested();
return exitCode;
