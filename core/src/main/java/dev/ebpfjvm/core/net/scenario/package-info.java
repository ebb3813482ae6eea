/**
 * Replays tcx-oracle scenarios (the format of ../shared/tools/tcx-oracle/README.md) on a simulated
 * {@link dev.ebpfjvm.core.net.Network}: {@link dev.ebpfjvm.core.net.scenario.Scenario} and
 * {@link dev.ebpfjvm.core.net.scenario.Step} are the plain model of one input file,
 * {@link dev.ebpfjvm.core.net.scenario.ScenarioReplayer} gives every step the result the recorder
 * gives it on a kernel, as JSON-shaped maps that compare field by field with a recorded file;
 * {@link dev.ebpfjvm.core.net.scenario.ScenarioDocuments} reads scenario files and writes a replay back
 * in the recorder's output format without a dependency (for a command line).
 */
package dev.ebpfjvm.core.net.scenario;
