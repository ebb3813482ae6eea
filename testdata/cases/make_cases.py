#!/usr/bin/env python3
"""Writes the test-run case files of testdata/cases/<object>/<name>.json.

Frames are built with the kernel oracle's pkt.py (../shared/tools/kernel-oracle). After changing a
case, run ./record.sh to record the kernel's results as <name>.expected.json and commit both.
"""
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'shared', 'tools', 'kernel-oracle'))
import pkt  # noqa: E402

LO = '00:00:00:00:00:00'
PEER = '02:00:00:00:00:01'


def udp4(payload=b'\x01\x02\x03\x04', dst=LO, tos=0, sport=1000, dport=53, zero_csum=False):
    u = pkt.udp('10.0.0.1', '10.0.0.2', sport, dport, payload, zero_csum=zero_csum)
    return pkt.eth(pkt.ipv4('10.0.0.1', '10.0.0.2', 17, u, tos=tos), 0x0800, dst=dst, src=PEER).hex()


def tcp4_syn(dst=LO):
    tcp = struct.pack('!HHIIBBHHH', 40000, 80, 1, 0, 5 << 4, 0x02, 65535, 0, 0)
    return pkt.eth(pkt.ipv4('192.168.1.1', '192.168.1.2', 6, tcp), 0x0800, dst=dst, src=PEER).hex()


def udp6(payload=b'\xaa\xbb', tc=0):
    u = pkt.udp('2001:db8::1', '2001:db8::2', 5000, 6000, payload)
    return pkt.eth(pkt.ipv6('2001:db8::1', '2001:db8::2', 17, u, tc=tc), 0x86dd, dst=LO, src=PEER).hex()


def vlan4(tci=0x0064, outer=0x8100):
    inner = bytes.fromhex(udp4())[14:]
    return pkt.eth(pkt.vlan(tci, 0x0800, inner), outer, dst=LO, src=PEER).hex()


def qinq4():
    inner = bytes.fromhex(udp4())[14:]
    body = pkt.vlan(0x0a, 0x8100, pkt.vlan(0x14, 0x0800, inner))
    return pkt.eth(body, 0x88a8, dst=LO, src=PEER).hex()


def case(prog, data, ctx=None, globals_=None, name=None):
    c = {'prog': prog, 'data_in': data}
    if name:
        c['name'] = name
    if ctx:
        c['ctx_in'] = ctx
    if globals_:
        c['setup'] = {'globals': globals_}
    return c


def u32(v):
    return struct.pack('<I', v & 0xffffffff).hex()


def fields():
    full_ctx = {'mark': 7, 'priority': 3, 'ingress_ifindex': 9, 'cb': [1, 2, 0x03040506, 4, 5],
                'tstamp': 1000, 'wire_len': 200, 'gso_segs': 2, 'gso_size': 1400, 'hwtstamp': 77}
    return [
        case('read_fields', udp4(), name='host_ipv4'),
        case('read_fields', udp4(dst=pkt.BCAST), name='broadcast_is_multicast'),
        case('read_fields', udp4(dst='01:00:5e:00:00:01'), name='multicast'),
        case('read_fields', udp4(dst=PEER), name='otherhost'),
        case('read_fields', vlan4(), name='vlan_in_packet'),
        case('read_fields', udp6(), name='ipv6'),
        case('read_fields', pkt.eth(b'\x00' * 6, 0x0806, dst=LO).hex(), name='arp_short'),
        case('read_fields', pkt.eth(b'\xff\xff' + b'\x00' * 10, 0x0020, dst=LO).hex(), name='raw_802_3'),
        case('read_fields', pkt.eth(b'\x42' * 10, 0x0020, dst=LO).hex(), name='llc_802_2'),
        case('read_fields', udp4(), ctx=full_ctx, name='ctx_in_all_allowed'),
        case('read_fields', udp4(), ctx={'tc_index': 1}, name='ctx_in_tc_index_einval'),
        case('read_fields', udp4(), ctx={'len': 5}, name='ctx_in_len_einval'),
        case('read_fields', udp4(), ctx={'wire_len': 10}, name='ctx_in_wire_len_short_einval'),
        case('read_fields', udp4(), ctx={'gso_segs': 70000}, name='ctx_in_gso_segs_einval'),
        case('read_fields', '00' * 13, name='frame_too_short'),
        case('read_fields', pkt.eth(b'\x45' + b'\x00' * 18, 0x0800, dst=LO).hex(), name='ipv4_too_short'),
        case('read_fields', pkt.eth(b'\x60' + b'\x00' * 38, 0x86dd, dst=LO).hex(), name='ipv6_too_short'),
        case('write_fields', udp4(), name='write'),
        case('write_fields', udp4(), globals_={'new_queue': u32(3)}, name='write_queue_3'),
        case('write_fields', udp4(), ctx={'mark': 1}, globals_={'new_queue': u32(0xffff)}, name='write_queue_ffff'),
    ]


def vlan():
    def ops(*seq):
        v = 0
        for i, o in enumerate(seq):
            v |= o << (4 * i)
        return {'ops': u32(v)}
    return [
        case('vlan_ops', udp4(), globals_=ops(1), name='push_once'),
        case('vlan_ops', udp4(), globals_=ops(1, 2), name='push_twice'),
        case('vlan_ops', udp4(), globals_=ops(1, 2, 1, 3, 3, 3), name='push3_pop3'),
        case('vlan_ops', udp4(), globals_=ops(4), name='push_bad_proto'),
        case('vlan_ops', udp4(), globals_=ops(3), name='pop_untagged'),
        case('vlan_ops', vlan4(), globals_=ops(3), name='pop_in_packet'),
        case('vlan_ops', qinq4(), globals_=ops(3, 3), name='pop_qinq'),
        case('vlan_ops', vlan4(), globals_=ops(1, 3, 3), name='push_then_pop_in_packet'),
        case('vlan_ops', pkt.eth(b'\x00\x64', 0x8100, dst=LO).hex(), globals_=ops(3), name='pop_truncated_tag'),
    ]


def resize():
    def g(op, arg=0, mode=0, flags=0):
        return {'op': u32(op), 'arg': u32(arg), 'mode': u32(mode), 'flags': struct.pack('<Q', flags).hex()}
    cases = []
    for n, (op, arg, mode, flags) in {
        'tail_grow': (1, 100, 0, 0), 'tail_trim': (1, 20, 0, 0), 'tail_min': (1, 14, 0, 0),
        'tail_below_min': (1, 13, 0, 0), 'tail_flags': (1, 60, 0, 1), 'tail_max': (1, 16064, 0, 0),
        'tail_over_max': (1, 16065, 0, 0),
        'head_grow': (2, 14, 0, 0), 'head_flags': (2, 4, 0, 2), 'head_over_max': (2, 16064, 0, 0),
        'proto_4to6': (3, 0x86dd, 0, 0), 'proto_same': (3, 0x0800, 0, 0), 'proto_flags': (3, 0x86dd, 0, 1),
        'room_net_grow': (4, 8, 0, 0), 'room_mac_grow': (4, 20, 1, 0), 'room_net_shrink': (4, -8, 0, 0),
        'room_shrink_too_much': (4, -30, 0, 0), 'room_bad_mode': (4, 8, 2, 0), 'room_too_big': (4, 0x1000, 0, 0),
        'room_bad_flags': (4, 8, 0, 1 << 9), 'room_encap_ipip': (4, 20, 1, 2), 'room_encap_both_l3': (4, 20, 1, 6),
        'room_encap_gre_udp': (4, 28, 1, 2 | 8 | 16), 'room_encap_l2eth_short': (4, 28, 1, 2 | 64 | (10 << 56)),
        'room_encap_l2_too_long': (4, 20, 1, 2 | (30 << 56)), 'room_decap_grow': (4, 8, 0, 128),
        'room_decap_both': (4, -8, 0, 128 | 256), 'room_decap_v6': (4, -8, 0, 256), 'room_fixed_gso': (4, 4, 0, 1 | 32),
        'pull_all': (5, 0, 0, 0), 'pull_past_end': (5, 100, 0, 0),
    }.items():
        cases.append(case('resize', udp4(), globals_=g(op, arg, mode, flags), name=n))
    cases.append(case('resize', udp6(), globals_=g(3, 0x0800), name='proto_6to4'))
    cases.append(case('resize', udp6(), globals_=g(4, -8, 0, 0), name='room_v6_shrink_too_much'))
    cases.append(case('resize', udp6(), globals_=g(4, 40, 1, 4), name='room_v6_encap_ip6ip6'))
    cases.append(case('resize', vlan4(), globals_=g(4, 8, 0, 0), name='room_vlan_notsupp'))
    cases.append(case('resize', pkt.eth(b'\x00' * 30, 0x0806, dst=LO).hex(), globals_=g(3, 0x86dd), name='proto_arp'))
    cases.append(case('resize', udp4(), ctx={'gso_size': 1000, 'gso_segs': 3}, globals_=g(1, 60), name='tail_gso_reset'))
    cases.append(case('resize', udp4(), ctx={'gso_size': 1000}, globals_=g(4, 8, 0, 0), name='room_gso_notsupp'))
    cases.append(case('resize', udp4(), ctx={'wire_len': 1000}, globals_=g(1, 100), name='tail_keeps_wire_len'))
    return cases


def csum():
    g = lambda **kw: {k: (struct.pack('<Q', v).hex() if k.endswith('flags') else u32(v)) for k, v in kw.items()}
    return [
        case('csum_diffs', udp4(), name='diffs'),
        case('rewrite', udp4(), name='rewrite_l3_l4'),
        case('rewrite', udp4(zero_csum=True), globals_=g(l4_flags=0x10 | 0x20 | 4), name='rewrite_udp_zero_mangled'),
        case('rewrite', udp4(zero_csum=True), globals_=g(l4_flags=0x10 | 4), name='rewrite_udp_zero_plain'),
        case('rewrite', udp4(zero_csum=True), globals_=g(l4_flags=0x10 | 0x20 | 0x40 | 4), name='rewrite_udp_zero_enforce'),
        case('rewrite', udp4(), globals_=g(l4_flags=0x80 | 0x10 | 4), name='rewrite_ipv6_flag'),
        case('rewrite', udp4(), globals_=g(l3_flags=2, l4_flags=2), name='rewrite_size2'),
        case('rewrite', udp4(), globals_=g(l3_flags=3, l4_flags=0x100 | 4), name='rewrite_bad_flags'),
        case('rewrite', udp4(), globals_=g(l3_offset=25, l4_offset=47), name='rewrite_bad_offsets'),
        case('rewrite', udp4(), globals_=g(l3_offset=0x10000, l4_offset=44), name='rewrite_far_offsets'),
        case('rewrite', tcp4_syn(), globals_=g(l4_offset=14 + 20 + 16), name='rewrite_tcp'),
    ]


def misc():
    g = lambda **kw: {k: (struct.pack('<Q', v).hex() if k.endswith('flags') else u32(v)) for k, v in kw.items()}
    return [
        case('redirect', udp4(), globals_=g(arg_ifindex=5), name='redirect_egress'),
        case('redirect', udp4(), globals_=g(arg_ifindex=5, arg_flags=1), name='redirect_ingress'),
        case('redirect', udp4(), globals_=g(arg_ifindex=5, arg_flags=2), name='redirect_bad_flags'),
        case('redirect_peer', udp4(), globals_=g(arg_ifindex=5), name='peer'),
        case('redirect_peer', udp4(), globals_=g(arg_ifindex=5, arg_flags=1), name='peer_flags'),
        case('clone_redirect', udp4(), globals_=g(arg_ifindex=1), name='clone_lo'),
        case('clone_redirect', udp4(), globals_=g(arg_ifindex=1, arg_flags=1), name='clone_lo_ingress'),
        case('clone_redirect', udp4(), globals_=g(arg_ifindex=999), name='clone_no_device'),
        case('clone_redirect', udp4(), globals_=g(arg_ifindex=1, arg_flags=4), name='clone_bad_flags'),
        case('hash', udp4(), name='hash'),
        case('change_type', udp4(), globals_=g(arg_u32=3), name='type_otherhost'),
        case('change_type', udp4(), globals_=g(arg_u32=4), name='type_outgoing_einval'),
        case('ecn', udp4(tos=0), name='ecn_not_ect'),
        case('ecn', udp4(tos=1), name='ecn_ect1'),
        case('ecn', udp4(tos=2), name='ecn_ect0'),
        case('ecn', udp4(tos=3), name='ecn_ce'),
        case('ecn', udp6(tc=2), name='ecn_ipv6_ect0'),
        case('ecn', udp6(tc=0), name='ecn_ipv6_not_ect'),
        case('ecn', pkt.eth(b'\x00' * 30, 0x0806, dst=LO).hex(), name='ecn_arp'),
        case('bytes', udp4(), globals_=g(arg_offset=6), name='bytes_inside'),
        case('bytes', udp4(), globals_=g(arg_offset=40, arg_flags=2), name='bytes_past_end'),
        case('bytes', udp4(), globals_=g(arg_offset=0, arg_flags=4), name='bytes_bad_flags'),
        case('bytes', udp4(), globals_=g(arg_offset=0, arg_flags=3), name='bytes_both_flags'),
        case('strings', udp4(), name='strings'),
        case('loop', udp4(), globals_=g(arg_u32=100), name='loop_all'),
        case('loop', udp4(), globals_=g(arg_u32=3), name='loop_stop'),
        case('loop', udp4(), globals_=g(arg_u32=100, arg_flags=1), name='loop_flags'),
        case('environment', udp4(), name='environment'),
    ]


def tcp4(flags=0x02, src='10.0.0.1', dst='10.0.0.2', sport=40000, dport=80, ttl=64):
    tcp = struct.pack('!HHIIBBHHH', sport, dport, 1, 0, 5 << 4, flags, 65535, 0, 0)
    return pkt.eth(pkt.ipv4(src, dst, 6, tcp, ttl=ttl), 0x0800, dst=LO, src=PEER).hex()


def icmp4():
    return pkt.eth(pkt.ipv4('10.0.0.1', '10.0.0.2', 1, b'\x08\x00\xf7\xff\x00\x00\x00\x00'), 0x0800, dst=LO, src=PEER).hex()


def ip4key(a):
    return pkt.ip4(a).hex()


def nat44():
    key = ip4key('10.0.0.2') + struct.pack('!H', 53).hex() + '1100'
    key_tcp = ip4key('10.0.0.2') + struct.pack('!H', 80).hex() + '0600'
    target = ip4key('192.168.7.9') + struct.pack('!H', 5353).hex() + '0000' + '00' * 8
    same_port = ip4key('192.168.7.9') + struct.pack('!H', 80).hex() + '0000' + '00' * 8
    m = lambda k, v: {'maps': [{'map': 'dnat_table', 'key': k, 'value': v}]}
    return [
        dict(case('nat44', udp4(), name='dnat_udp'), setup=m(key, target)),
        dict(case('nat44', udp4(zero_csum=True), name='dnat_udp_no_csum'), setup=m(key, target)),
        dict(case('nat44', tcp4(), name='dnat_tcp_same_port'), setup=m(key_tcp, same_port)),
        case('nat44', udp4(), name='no_entry'),
        case('nat44', udp6(), name='not_ipv4'),
        case('nat44', icmp4(), name='icmp_no_ports'),
        case('snat44', udp4(), name='snat_off'),
        case('snat44', udp4(), globals_={'snat_address': ip4key('172.16.0.1')}, name='snat_on'),
        case('snat44', udp4(), globals_={'snat_address': ip4key('10.0.0.1')}, name='snat_already'),
    ]


def skb_meta():
    m = {'maps': [{'map': 'dscp_classes', 'key': u32(46), 'value': u32(0x10002)}]}
    return [
        case('skb_meta', udp4(), name='dscp0'),
        case('skb_meta', udp4(tos=46 << 2), name='dscp46_no_class'),
        dict(case('skb_meta', udp4(tos=46 << 2), name='dscp46_class'), setup=m),
        case('skb_meta', udp4(tos=8 << 2), ctx={'ingress_ifindex': 3}, name='dscp8'),
        case('skb_meta', udp6(), name='ipv6_unmarked'),
        case('skb_meta', udp6(), ctx={'mark': 5}, name='ipv6_marked'),
    ]


def eth_proto_count():
    return [
        case('count_ethertype', udp4(), name='ipv4'),
        case('count_ethertype', udp6(), name='ipv6'),
        case('count_ethertype', pkt.eth(b'\x00' * 28, 0x0806, dst=LO).hex(), name='arp'),
        case('count_ethertype', vlan4(), name='vlan'),
        case('count_ethertype', pkt.eth(b'\x00' * 28, 0x88cc, dst=LO).hex(), name='lldp_other'),
    ]


def ipv4_filter():
    src = {'maps': [{'map': 'blocked_sources', 'key': ip4key('10.0.0.1'), 'value': '00' * 16}]}
    port = {'maps': [{'map': 'blocked_ports', 'key': '1100' + struct.pack('!H', 53).hex(), 'value': u32(4)}]}
    return [
        case('ipv4_filter', udp4(tos=0x28), name='pass'),
        dict(case('ipv4_filter', udp4(), name='blocked_source'), setup=src),
        dict(case('ipv4_filter', udp4(), name='blocked_port'), setup=port),
        case('ipv4_filter', tcp4(ttl=1), name='ttl_expired'),
        case('ipv4_filter', udp6(), name='ipv6_next'),
        case('ipv4_filter', icmp4(), name='icmp_next'),
    ]


def tail_calls():
    return [
        case('dispatch', udp4(), name='udp_dns'),
        case('dispatch', udp4(dport=80), name='udp_other'),
        case('dispatch', tcp4(), name='tcp'),
        case('dispatch', icmp4(), name='icmp'),
        case('dispatch', pkt.eth(pkt.ipv4('10.0.0.1', '10.0.0.2', 47, b'\x00' * 8), 0x0800, dst=LO).hex(), name='gre_empty_slot'),
        case('dispatch', udp6(), name='ipv6'),
        dict(case('dispatch', tcp4(), name='tcp_slot_replaced'), setup={'maps': [{'map': 'jmp_table', 'key': u32(6), 'prog': 'handle_icmp'}]}),
    ]


def globals_():
    return [
        case('global_config', udp4(), name='dns_shot'),
        case('global_config', udp4(), globals_={'verdict_on_match': u32(0), 'tag_payload': '01'}, name='dns_tag'),
        case('global_config', tcp4(), globals_={'watched_port': struct.pack('<H', 80).hex()}, name='tcp_80'),
        case('global_config', udp6(), name='ipv6'),
    ]


def redirect():
    port = '0500000001000000' + '00' * 8
    key = lambda mac: pkt.mac(mac).hex() + '0000'
    return [
        dict(case('l2_redirect', udp4(), name='fdb_hit_ingress'), setup={'maps': [{'map': 'fdb', 'key': key(LO), 'value': port}]}),
        case('l2_redirect', udp4(), name='miss'),
        case('l2_redirect', udp4(dst=pkt.BCAST), globals_={'flood_ifindex': u32(1)}, name='flood_clone'),
        dict(case('l2_action', udp4(), name='action_hit'), setup={'maps': [{'map': 'fdb', 'key': key(LO), 'value': port}]}),
        case('l2_action', udp4(dst=pkt.BCAST), name='action_bcast'),
    ]


def tcp4_opts(opts, payload=b''):
    doff = 5 + len(opts) // 4
    tcp = struct.pack('!HHIIBBHHH', 40000, 80, 1, 0, doff << 4, 0x02, 65535, 0, 0) + opts + payload
    return pkt.eth(pkt.ipv4('10.0.0.1', '10.0.0.2', 6, tcp), 0x0800, dst=LO, src=PEER).hex()


def more():
    mss = b'\x01\x01\x02\x04\x05\xb4\x00\x00'
    return {
        ('ipv6_flows', 'flows'): [
            case('ipv6_flow_count', udp6(), name='count_new'),
            dict(case('ipv6_flow_count', udp6(), name='count_existing'), setup={'maps': [{'map': 'ipv6_flows',
                 'key': pkt.ip6('2001:db8::1').hex() + '11000000', 'value': struct.pack('<Q', 41).hex()}]}),
            case('ipv6_flow_count', udp4(), name='not_ipv6'),
            case('ipv6_hop_limit', udp6(), name='hop_limit'),
            case('ipv6_hop_limit', pkt.eth(pkt.ipv6('::1', '::2', 17, b'\x00' * 8, hlim=1), 0x86dd, dst=LO).hex(), name='hop_limit_expired'),
        ],
        ('percpu_stats', 'stats'): [
            case('percpu_stats', udp4(), name='ipv4'),
            case('percpu_stats', udp6(), name='ipv6'),
            case('percpu_stats', pkt.eth(b'\x00' * 1000, 0x88cc, dst=LO).hex(), name='other_long'),
        ],
        ('atomics', 'atomics'): [
            case('atomic_ops', udp4(), name='udp'),
            case('atomic_ops', tcp4(), ctx={'mark': 3}, name='tcp_marked'),
        ],
        ('loops', 'scan'): [
            case('loop_scan', udp4(b'\x12\x34' * 40), name='udp_sum'),
            case('loop_scan', tcp4_opts(mss), name='tcp_mss'),
            case('loop_scan', tcp4_opts(b'\x01\x01\x01\x00'), name='tcp_no_mss'),
            case('loop_scan', udp6(), name='not_ipv4'),
        ],
        ('bpf2bpf', 'hash'): [
            case('flow_hash', udp4(), name='flow_hash_udp'),
            case('flow_hash', icmp4(), name='flow_hash_icmp'),
            case('port_hash', tcp4(), name='port_hash'),
            case('port_hash', udp6(), name='port_hash_ipv6'),
        ],
        ('conntrack', 'ct'): [
            case('conntrack', tcp4(flags=0x02), name='syn_new'),
            case('conntrack', tcp4(flags=0x10), name='ack_untracked_invalid'),
            case('conntrack', tcp4(flags=0x10), globals_={'strict_tcp': '01'}, name='ack_strict_drop'),
            case('conntrack', udp4(), name='udp_new'),
            case('conntrack', udp6(), name='ipv6_untracked'),
        ],
    }


CASES = {
    ('nat44', 'nat44'): nat44,
    ('skb_meta', 'skb_meta'): skb_meta,
    ('eth_proto_count', 'count'): eth_proto_count,
    ('ipv4_filter', 'filter'): ipv4_filter,
    ('tail_calls', 'dispatch'): tail_calls,
    ('globals', 'config'): globals_,
    ('redirect', 'fdb'): redirect,
    ('skb_fields', 'fields'): fields,
    ('skb_vlan', 'vlan'): vlan,
    ('skb_resize', 'resize'): resize,
    ('skb_csum', 'csum'): csum,
    ('skb_misc', 'misc'): misc,
}


def main():
    only = set(sys.argv[1:])
    for (obj, name), cases in more().items():
        CASES[(obj, name)] = lambda cases=cases: cases
    for (obj, name), make in CASES.items():
        if only and obj not in only:
            continue
        os.makedirs(os.path.join(HERE, obj), exist_ok=True)
        with open(os.path.join(HERE, obj, name + '.json'), 'w') as f:
            json.dump(make(), f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    main()
