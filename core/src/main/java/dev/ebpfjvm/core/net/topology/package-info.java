/**
 * Topologies to run traffic through: a {@link dev.ebpfjvm.core.net.topology.Topology} (devices, veth
 * pairs, objects with their globals and map contents, tcx attachments, classic filters, traffic
 * sources, changes scheduled at a packet number) as plain records, and the
 * {@link dev.ebpfjvm.core.net.topology.TopologyRunner} that builds one in a fresh runtime, pushes
 * its traffic on worker threads (one simulated CPU each) and reports what happened, with
 * bpftool- and tc-style {@link dev.ebpfjvm.core.net.topology.NetViews views} of the result.
 */
package dev.ebpfjvm.core.net.topology;
