// swift-tools-version:6.1
import PackageDescription

/// The streaming loader's hot path runs per XML event on single-threaded parser state; dynamic exclusivity checks
/// there cost ~13% of load time (measured with callgrind), so release builds of those two modules skip them.
let streamingSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "onego",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "onego", targets: ["onego"]),
        .library(name: "OnegoCatalog", targets: ["OnegoCatalog"]),
        .library(name: "OnegoSearch", targets: ["OnegoSearch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The C shim: libxml2 as installed by the system package manager.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The only Swift module that touches libxml2: streaming parser, XSD validation, diagnostics.
        .target(name: "OnegoXML", dependencies: ["CLibXML2"], swiftSettings: streamingSettings),
        // The service-item model, code checks, working-day calendar, and catalog loading.
        .target(
            name: "OnegoCatalog",
            dependencies: ["OnegoXML", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: streamingSettings
        ),
        // "One matter" bundles: definitions, situations, merged materials, document flow, plans.
        .target(
            name: "OnegoComposer",
            dependencies: ["OnegoCatalog", .product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // Find items and matters by name, pinyin, 俗称, materials, results, department or code (data: pinyin table).
        .target(
            name: "OnegoSearch", dependencies: ["OnegoCatalog", "OnegoComposer"],
            resources: [.embedInCode("Resources/pinyin.txt"), .embedInCode("Resources/related-words.txt")]
        ),
        // Consistency rules, coverage rates, time-limit compression, policy targets.
        .target(name: "OnegoAudit", dependencies: ["OnegoCatalog", "OnegoComposer"]),
        // Guides, notices, checklists, reports and the handbook site, for people.
        // Office files (XLSX, DOCX) are zip packages written with ZIPFoundation.
        .target(
            name: "OnegoExport",
            dependencies: [
                "OnegoCatalog", "OnegoComposer", "OnegoAudit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Import from what offices have (XLSX, CSV, portal JSON) through profile files; the template workbook.
        .target(
            name: "OnegoImport",
            dependencies: [
                "OnegoXML", "OnegoCatalog", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The command-line tool: one thin file per subcommand.
        .executableTarget(
            name: "onego",
            dependencies: [
                "OnegoXML", "OnegoCatalog", "OnegoComposer", "OnegoAudit", "OnegoExport", "OnegoImport", "OnegoSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark driver (generator and in-process timings); nothing else depends on it. See Benchmarks/run.
        .executableTarget(
            name: "onego-bench",
            dependencies: [
                "OnegoXML", "OnegoCatalog", "OnegoComposer", "OnegoAudit", "OnegoSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/onego-bench"
        ),
        // Fuzzing harness (libFuzzer with -DFUZZING, else a corpus replayer). See Tests/Fuzz/run.
        .executableTarget(
            name: "onego-fuzz", dependencies: ["OnegoXML", "OnegoCatalog", "OnegoComposer"],
            path: "Tests/Fuzz/Sources/onego-fuzz"),
        .target(name: "OnegoTestSupport", dependencies: ["OnegoCatalog"], path: "Tests/OnegoTestSupport"),
        .testTarget(name: "OnegoXMLTests", dependencies: ["OnegoXML", "OnegoTestSupport"]),
        .testTarget(name: "OnegoCatalogTests", dependencies: ["OnegoCatalog", "OnegoTestSupport"]),
        .testTarget(name: "OnegoComposerTests", dependencies: ["OnegoComposer", "OnegoTestSupport"]),
        .testTarget(name: "OnegoAuditTests", dependencies: ["OnegoAudit", "OnegoTestSupport"]),
        .testTarget(name: "OnegoExportTests", dependencies: ["OnegoExport", "OnegoTestSupport"]),
        .testTarget(
            name: "OnegoImportTests",
            dependencies: [
                "OnegoImport", "OnegoXML", "OnegoTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "OnegoSearchTests", dependencies: ["OnegoSearch", "OnegoTestSupport"]),
        .testTarget(name: "OnegoCLITests", dependencies: ["OnegoTestSupport"]),
    ]
)

// One settings loop for every Swift target (as swift-log does).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .swiftLanguageMode(.v6),
    ])
    target.swiftSettings = settings
}
