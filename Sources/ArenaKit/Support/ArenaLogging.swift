import Foundation
import Logging

/// Sets up swift-log for the process: messages go to standard error, at the level named by
/// `ARENA_LOG` (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`; default
/// `warning`). Nothing arena logs ever contains a key: provider logs carry the model name,
/// host, attempt and status only.
public enum ArenaLogging {
    private static let once: Void = {
        let level = ProcessInfo.processInfo.environment["ARENA_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    /// Bootstraps logging; later calls do nothing.
    public static func bootstrap() {
        once
    }
}
