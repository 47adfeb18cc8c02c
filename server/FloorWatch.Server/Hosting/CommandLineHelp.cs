namespace FloorWatch.Server.Hosting;

/// <summary>What <c>--help</c> prints.</summary>
public static class CommandLineHelp
{
    public static bool TryPrint(string[] args)
    {
        if (!args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return false;
        }

        Console.WriteLine("""
            FloorWatch server: a real-time ACD floor monitor.

            Usage: FloorWatch.Server [--urls http://127.0.0.1:5080] [--FloorWatch:Key=value ...]

            Every setting can also be given as an environment variable FloorWatch__Section__Key:
              --urls                         HTTP address (default http://127.0.0.1:5080)
              FloorWatch__DataPath           folder of the journal, signing key, audit log, journaled ids and past intervals (default ./data)
              FloorWatch__Redis              Redis mode; not in this version: set, the start is refused (default unset)
              FloorWatch__Demo               true = run a simulated center "demo" over the TCP CTI link (default false)
              FloorWatch__Cti__ApiKey        key a switch presents (X-Api-Key header, TCP hello); unset = ingest refused
              FloorWatch__Cti__TcpPort       TCP CTI link port, 0 = off (default 5077)
              FloorWatch__Cti__TcpAddress    address the CTI link listens on (default 127.0.0.1)
              FloorWatch__QueueLog__Path     an Asterisk queue_log file to follow as it grows, rotations included
              FloorWatch__QueueLog__Center   the center that queue_log's lines are of (required with the path)
              FloorWatch__PushIntervalMs     shortest time between two deltas of a center on the hub, ms (default 200)
              FloorWatch__SeenIdsInMemory    event ids per center kept in memory to catch repeats; older ones are
                                             checked on disk under the data folder (default 65536)
              FloorWatch__MaxUnappliedRecords
                                             records journaled and not yet applied before ingest, and the replay at
                                             start, wait for the centers (default 200000; lower uses less memory,
                                             at some cost in speed)
              FloorWatch__Silo__Port         embedded silo port (default 11111)
              FloorWatch__Silo__GatewayPort  embedded silo gateway port (default 30000)
              FloorWatch__Users__0__Name, __Password, __Roles__0, __Centers__0
                                             local users; with none, an admin with a random password is printed once
              FloorWatch__Auth__Authority    an OpenID Connect issuer (https URL) whose access tokens are taken too
              FloorWatch__Auth__Audience     the audience those tokens must name (required with the authority)
              FloorWatch__Auth__ClientId     the pages' client at the authority; set, the sign-in page offers single
                                             sign-on (redirect address <this server>/signin-callback)
              FloorWatch__Auth__RoleClaim, __CenterClaim, __NameClaim
                                             the authority's claims of roles, centers and name
                                             (default roles, centers, preferred_username)
              FloorWatch__Monitor__Modes__<role>__0
                                             call monitor modes a role may use (listen, whisper, barge, intercept);
                                             default quality listen+whisper, supervisor and admin all four
              FloorWatch__Monitor__Announce  tell the agent when a call is monitored (default true)
              FloorWatch__Centers__<id>__TimeZone, __DayStartsAt, __Queues__<q>__SlThresholdSeconds, ...
                                             center settings (IANA zone, HH:mm, per-queue service level settings)

            A start refused for its settings or its addresses says why and exits with code 2.

            Pages: / (sign in), /wallboard/<center>[?token=...], /supervisor/<center>, /quality/<center>, /staffing
            Endpoints: /healthz, /readyz, POST /api/auth/token, POST /api/cti/events,
              POST /api/cti/queue-log?center=<center>&name=<file name>, GET /api/centers/...,
              POST /api/centers/<center>/commands, hub /hubs/floor
            """);
        return true;
    }
}
