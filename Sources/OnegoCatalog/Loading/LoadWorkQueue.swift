import Dispatch
import Foundation

/// The files of a folder load, handed to its workers in a chosen order, and the pieces of a file's parse that a
/// worker hands to whichever worker is free first (``HandedParse``): a cached load that parses one stale file while
/// the others are decoded from their entries validates that file on one thread while another builds its model.
///
/// A worker takes handed pieces before files. When every file is taken it waits while another worker is still busy
/// (that one may yet hand a piece off) and stops when none is.
final class LoadWorkQueue: @unchecked Sendable {
    /// What a worker does next.
    enum Unit {
        /// The input at this index.
        case file(Int)
        /// A piece another worker handed off.
        case handed(HandedParse)
    }

    private let condition = NSCondition()
    private let order: [Int]
    private var next = 0
    private var handed: [HandedParse] = []
    private var busy = 0

    /// A queue of the inputs at `order`, taken in that order.
    init(order: [Int]) { self.order = order }

    /// The next unit for a worker, or `nil` when the load has nothing left; every unit returned must be followed
    /// by ``finished()`` once it is done.
    func take() -> Unit? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !handed.isEmpty {
                busy += 1
                return .handed(handed.removeFirst())
            }
            if next < order.count {
                next += 1
                busy += 1
                return .file(order[next - 1])
            }
            if busy == 0 {
                condition.broadcast()
                return nil
            }
            condition.wait()
        }
    }

    /// Marks the unit the calling worker took as done.
    func finished() {
        condition.lock()
        busy -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Offers `piece` to the other workers.
    func hand(_ piece: HandedParse) {
        condition.lock()
        handed.append(piece)
        condition.broadcast()
        condition.unlock()
    }

    /// Takes `piece` back when no worker has started it (the caller then runs it itself); `false` when one has.
    func withdraw(_ piece: HandedParse) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let index = handed.firstIndex(where: { $0 === piece }) else { return false }
        handed.remove(at: index)
        return true
    }
}

/// One piece of a file's parse run by another worker: run once, by whoever takes it, and waited for by the worker
/// that handed it off.
final class HandedParse: @unchecked Sendable {
    private let work: @Sendable () -> FileOutcome
    private let done = DispatchSemaphore(value: 0)
    private var result: FileOutcome?

    init(_ work: @escaping @Sendable () -> FileOutcome) { self.work = work }

    /// Runs the piece (on the worker that took it, or on the one that handed it off after taking it back).
    func run() {
        result = work()
        done.signal()
    }

    /// The piece's outcome, once ``run()`` has finished on whichever thread ran it.
    func outcome() -> FileOutcome {
        done.wait()
        done.signal()
        return result ?? .empty
    }
}
