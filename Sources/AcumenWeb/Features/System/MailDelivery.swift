import AcumenCore
import AcumenStore
import Foundation
import Synchronization

/// Hands one message to whatever carries mail further. Throws when it was not accepted.
protocol MailDelivery: Sendable {
    func deliver(_ message: OutgoingMessage, id: UUID) throws
}

extension MailSettings {
    var delivery: any MailDelivery {
        if let sendmailPath { return SendmailDelivery(path: sendmailPath, sender: sender) }
        return PickupFolderDelivery(directory: pickupDirectory, sender: sender)
    }
}

/// RFC 5322 text of a message; the body is plain UTF-8 text.
enum MailFormat {
    /// Made once: a formatter costs more to make than the rest of a message, and releasing a
    /// large cycle sends tens of thousands.
    private static let dateFormatter: Mutex<DateFormatter> = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return Mutex(formatter)
    }()

    static func render(_ message: OutgoingMessage, id: UUID, sender: String, date: Date = Date()) -> String {
        let dateText = dateFormatter.withLock { $0.string(from: date) }
        let subject =
            message.subject.allSatisfy(\.isASCII)
            ? message.subject : "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        return [
            "From: \(sender)", "To: \(message.recipient)", "Subject: \(subject)",
            "Date: \(dateText)", "Message-ID: <\(id.uuidString.lowercased())@acumen>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"),
        ].joined(separator: "\r\n")
    }
}

/// Writes each message as `<id>.eml`, atomically, so a reader never sees half a message.
struct PickupFolderDelivery: MailDelivery {
    let directory: String
    let sender: String

    func deliver(_ message: OutgoingMessage, id: UUID) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(id.uuidString.lowercased()).eml")
        try Data(MailFormat.render(message, id: id, sender: sender).utf8).write(to: file, options: .atomic)
    }
}

/// Pipes each message to a sendmail-compatible command (`sendmail -i -t`); a non-zero exit is a failure.
struct SendmailDelivery: MailDelivery {
    let path: String
    let sender: String

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// A command that exits without reading its input would otherwise end the whole server
    /// with SIGPIPE when the message is written to it; ignored, the write fails instead.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    func deliver(_ message: OutgoingMessage, id: UUID) throws {
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "-t"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let written = Result {
            try input.fileHandleForWriting.write(
                contentsOf: Data(MailFormat.render(message, id: id, sender: sender).utf8))
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failed(description: "\(path) exited with \(process.terminationStatus): \(detail.prefix(200))")
        }
        if case .failure(let error) = written {
            throw Failed(description: "\(path) did not take the whole message: \(error)")
        }
    }
}
