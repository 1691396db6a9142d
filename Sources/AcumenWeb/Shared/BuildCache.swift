/// The last few values that take a while to build (a settled cycle's disclosure gate, its group
/// heatmap), by key; a build under way is shared by every reader who asks for it meanwhile.
/// Keys must name everything the value depends on, so that a stale value is never asked for.
actor BuildCache<Value: Sendable> {
    private let capacity: Int
    private var entries: [(key: String, value: Task<Value, any Error>)] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for key: String, build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries.first(where: { $0.key == key }) { return try await entry.value.value }
        let task = Task { try await build() }
        entries.insert((key, task), at: 0)
        if entries.count > capacity { entries.removeLast() }
        do {
            return try await task.value
        } catch {
            // A failed build (the database went away, say) is not kept.
            entries.removeAll { $0.key == key }
            throw error
        }
    }
}
