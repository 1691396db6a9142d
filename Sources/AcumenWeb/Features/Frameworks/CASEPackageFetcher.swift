import AsyncHTTPClient
import Foundation
import NIOCore
import Vapor

/// Fetches a CASE package from another CASE provider's `CFPackages/{id}` for import.
///
/// The address is what a member of staff typed and the answer is whatever that server sends, so
/// only http and https are followed, only to the hosts `ACUMEN_CASE_PROVIDER_HOSTS` names when it
/// is set (redirects are followed by hand, each checked the same way), the answer is read up to
/// `maximumSize` within `timeout`, and no message quotes what the server sent: the importer must
/// not become a way to read other internal services' pages.
struct CASEPackageFetcher: Sendable {
    /// A client of its own that follows no redirect by itself.
    var client: HTTPClient
    /// The host names packages may come from; nil for any.
    var allowedHosts: Set<String>?

    static let maximumSize = 20 * 1024 * 1024
    static let timeout = TimeAmount.seconds(30)
    static let maximumRedirects = 3

    /// The address the user gave, checked: http or https, no credentials, no fragment.
    static func packageAddress(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw AppError.badRequest("Give the address of the package on the CASE provider.", field: "url")
        }
        guard trimmed.count <= 2_000, var components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else {
            throw AppError.badRequest(
                "That is not an http or https address. Give the package's address, for example https://case.example.org/ims/case/v1p1/CFPackages/{identifier}.",
                field: "url")
        }
        guard components.user == nil && components.password == nil else {
            throw AppError.badRequest(
                "Leave the user name and password out of the address: Acumen keeps the address with the framework.",
                field: "url")
        }
        components.fragment = nil
        return components.string ?? trimmed
    }

    /// The package at `address`, and the address it was found at. An address that answers with
    /// a document (a provider's `CFDocuments/{id}`, what its document list links to) leads to
    /// the package its `CFPackageURI` names, or else to `CFPackages/{id}` beside it.
    func fetchPackage(_ address: String) async throws -> (address: String, data: Data) {
        let data = try await fetch(address)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["CFDocument"] == nil, object["CFPackageURI"] != nil || object["identifier"] != nil
        else { return (address, data) }
        let named = (object["CFPackageURI"] as? [String: Any])?["uri"] as? String
        let beside = address.replacingOccurrences(of: "/CFDocuments/", with: "/CFPackages/")
        guard let packageAddress = try? Self.packageAddress(named ?? beside), packageAddress != address else {
            return (address, data)
        }
        return (packageAddress, try await fetch(packageAddress))
    }

    func fetch(_ address: String) async throws -> Data {
        var address = address
        var response = try await answer(address)
        for _ in 0..<Self.maximumRedirects {
            guard [301, 302, 303, 307, 308].contains(response.status.code),
                let location = response.headers.first(name: "Location"),
                let next = URL(string: location, relativeTo: URL(string: address))?.absoluteString
            else { break }
            address = try Self.packageAddress(next)
            response = try await answer(address)
        }
        return try await body(of: response, from: address)
    }

    /// The other server's answer to a GET of `address`, once its host is checked.
    private func answer(_ address: String) async throws -> HTTPClientResponse {
        let host = URLComponents(string: address)?.host?.lowercased() ?? ""
        if let allowedHosts, !allowedHosts.contains(host) {
            throw Self.refusal(
                "Acumen fetches CASE packages only from \(allowedHosts.sorted().joined(separator: ", ")) (ACUMEN_CASE_PROVIDER_HOSTS); \(host) is not one of them."
            )
        }
        var request = HTTPClientRequest(url: address)
        request.headers.add(name: "Accept", value: "application/json")
        do {
            return try await client.execute(request, timeout: Self.timeout)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw Self.refusal("\(address) did not answer within \(Self.timeout.nanoseconds / 1_000_000_000) seconds.")
        } catch {
            throw Self.refusal(
                "Acumen could not reach \(address): check the address, and that this server may connect to it.")
        }
    }

    private func body(of response: HTTPClientResponse, from address: String) async throws -> Data {
        guard (200..<300).contains(response.status.code) else {
            throw Self.refusal(
                "\(address) answered \(response.status.code) \(response.status.reasonPhrase) instead of a CASE package. Check that it is a provider's CFPackages address."
            )
        }
        let tooLarge = Self.refusal(
            "\(address) sent more than \(Self.maximumSize / 1_048_576) MB; a CASE package of one framework is far smaller."
        )
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > Self.maximumSize {
            throw tooLarge
        }
        do {
            return Data(buffer: try await response.body.collect(upTo: Self.maximumSize))
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw Self.refusal("\(address) stopped sending before the package was complete.")
        }
    }

    private static func refusal(_ message: String) -> AppError {
        AppError(.unprocessableEntity, code: "unreachable", message: message)
    }
}

extension Application {
    private struct CASEPackageFetcherKey: StorageKey {
        typealias Value = CASEPackageFetcher
    }

    /// The fetcher of CASE packages, with its own HTTP client (shut down with the application).
    var casePackageFetcher: CASEPackageFetcher {
        get {
            guard let fetcher = storage[CASEPackageFetcherKey.self] else {
                preconditionFailure("configure(_:settings:) makes the CASE package fetcher")
            }
            return fetcher
        }
    }

    func useCASEPackageFetcher(allowedHosts: Set<String>?) async {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let fetcher = CASEPackageFetcher(
            client: HTTPClient(eventLoopGroupProvider: .shared(eventLoopGroup), configuration: configuration),
            allowedHosts: allowedHosts)
        await storage.setWithAsyncShutdown(CASEPackageFetcherKey.self, to: fetcher) { try await $0.client.shutdown() }
    }
}
