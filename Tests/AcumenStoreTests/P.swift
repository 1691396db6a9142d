import XCTest

final class PAcumenStoreTests: XCTestCase { func testNothing() {} }
