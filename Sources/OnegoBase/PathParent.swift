import Foundation

extension String {
    /// The path without its last component, as `NSString.deletingLastPathComponent` gives it ("a/b" → "a",
    /// "/a" → "/", "a" → ""), for any path: swift-corelibs-foundation's own traps on a path of one character
    /// ("x", "中"), which a user may well name as an output folder.
    public var parentPath: String {
        guard contains("/") else { return "" }
        return (self as NSString).deletingLastPathComponent
    }
}
