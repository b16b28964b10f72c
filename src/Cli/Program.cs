using AccelSdk.Cli;

return AccelApp.Run(args, Console.Out, Console.Error);
