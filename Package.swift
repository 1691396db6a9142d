// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Acumen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "acumen", targets: ["acumen"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "AcumenCore",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Localization/Messages"), .copy("Localization/Content")]
        ),
        .target(
            name: "AcumenStore",
            dependencies: [
                "AcumenCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "AcumenWeb",
            dependencies: [
                "AcumenCore",
                "AcumenStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "acumen",
            dependencies: [
                "AcumenWeb", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Timings of Core work on generated data, for the benchmark scripts; not shipped.
        .executableTarget(
            name: "acumen-benchmarks",
            dependencies: ["AcumenCore"]
        ),
        .testTarget(
            name: "AcumenCoreTests",
            dependencies: [
                "AcumenCore", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "AcumenStoreTests",
            dependencies: ["AcumenStore", .product(name: "Fluent", package: "fluent"), .product(name: "XCTVapor", package: "vapor")]
        ),
        .testTarget(
            name: "AcumenWebTests",
            dependencies: ["AcumenWeb", .product(name: "XCTVapor", package: "vapor")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
