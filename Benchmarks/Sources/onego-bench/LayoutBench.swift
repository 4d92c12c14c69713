import ArgumentParser
import OnegoBase
import OnegoCatalog

/// `onego-bench layout`: the inline sizes of the model types, for memory work.
struct LayoutBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layout", abstract: "Print model type sizes.")

    func run() {
        print("service_item_stride: \(MemoryLayout<ServiceItem>.stride)")
        print("material_stride: \(MemoryLayout<Material>.stride)")
        print("item_result_stride: \(MemoryLayout<ItemResult>.stride)")
        print("process_step_stride: \(MemoryLayout<ProcessStep>.stride)")
        print("legal_provision_stride: \(MemoryLayout<LegalProvision>.stride)")
        print("source_location_stride: \(MemoryLayout<SourceLocation>.stride)")
        print("time_limit_stride: \(MemoryLayout<TimeLimit>.stride)")
        print("contact_stride: \(MemoryLayout<Contact>.stride)")
    }
}
