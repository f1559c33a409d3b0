// Fails the run when the suite's canary API key shows up in any log line or test error message.
import type { UserConsoleLog } from "vitest";
import type { Reporter, TestCase } from "vitest/node";
import { canaryFragment } from "./global-setup.js";

export default class CanaryReporter implements Reporter {
  #leaks: string[] = [];

  #check(where: string, text: string | undefined): void {
    const canary = process.env.OXEN_TEST_CANARY;
    if (canary !== undefined && text?.includes(canaryFragment(canary))) this.#leaks.push(`${where}: ${text.slice(0, 200)}`);
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    this.#check(`console output of ${log.taskId ?? "the run"}`, log.content);
  }

  onTestCaseResult(test: TestCase): void {
    for (const error of test.result().errors ?? []) {
      this.#check(`error in "${test.fullName}"`, `${error.message}\n${error.stack ?? ""}`);
    }
  }

  onTestRunEnd(): void {
    if (this.#leaks.length > 0) {
      process.exitCode = 1;
      throw new Error(`the canary API key appeared in:\n${this.#leaks.join("\n")}`);
    }
  }
}
