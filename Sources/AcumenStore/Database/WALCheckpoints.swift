import Logging
import NIOPosix
import SQLiteNIO

/// Copies SQLite's write-ahead log into the database file from a connection and a thread of
/// its own, once a second, while Acumen serves.
///
/// SQLite otherwise checkpoints inside whichever commit makes the log long enough, and that
/// commit (under load, a group of raters' submissions) waits for the copy and its sync: the
/// slowest hundredth of submissions were those. A passive checkpoint waits for no one and
/// blocks no writer. The connections that serve requests still checkpoint themselves if the
/// log grows past `DatabaseLocation.checkpointPages`, in case this loop is not running.
public enum WALCheckpoints {
    /// Checkpoints the database at `path` every second until the task is cancelled.
    public static func run(path: String, logger: Logger) async {
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        do {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threads, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any()
            ).get()
            while !Task.isCancelled {
                do {
                    _ = try await connection.query("PRAGMA wal_checkpoint(PASSIVE)", [])
                } catch {
                    // Stopping the loop cancels a checkpoint under way; that is no failure.
                    if !Task.isCancelled {
                        logger.warning("A checkpoint of the database's log failed and will be retried: \(error)")
                    }
                }
                try? await Task.sleep(for: .seconds(1))
            }
            // The future's form of closing: the async one gives up when the task is cancelled,
            // which is how this loop is stopped, and would leave the connection open.
            try? await connection.close().get()
        } catch {
            logger.warning("The database's log will be checkpointed by commits: \(error)")
        }
        try? await threads.shutdownGracefully()
    }
}
