using System.Reflection;
using System.Reflection.Emit;

namespace AccelSdk.Qdma.Tests.Architecture;

/// <summary>
/// Every type a set of types refers to: signatures, fields, locals, and each type, method and field token in the IL
/// of their method bodies (compiler-generated nested types included). What the compiler let through, not what the
/// using directives say.
/// </summary>
internal static class TypeReferenceScanner
{
    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The types referred to by the types of <paramref name="assembly"/> whose namespace starts with one of <paramref name="namespaces"/>, with the referring type.</summary>
    public static List<(Type From, Type To)> References(Assembly assembly, params string[] namespaces)
    {
        var found = new List<(Type, Type)>();
        foreach (Type type in assembly.GetTypes())
        {
            if (type.Namespace is not { } ns || !namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            var seen = new HashSet<Type>();
            void Add(Type? t)
            {
                if (t is null || !seen.Add(t))
                {
                    return;
                }

                found.Add((type, t));
                if (t.HasElementType)
                {
                    Add(t.GetElementType());
                }

                if (t.IsGenericType)
                {
                    foreach (Type argument in t.GetGenericArguments())
                    {
                        Add(argument);
                    }
                }
            }

            Add(type.BaseType);
            foreach (Type i in type.GetInterfaces())
            {
                Add(i);
            }

            foreach (FieldInfo field in type.GetFields(Everything))
            {
                Add(field.FieldType);
            }

            foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType);
                }

                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType);
                }

                MethodBody? body = method.GetMethodBody();
                if (body is null)
                {
                    continue;
                }

                foreach (LocalVariableInfo local in body.LocalVariables)
                {
                    Add(local.LocalType);
                }

                foreach (MemberInfo member in Tokens(method, body.GetILAsByteArray() ?? []))
                {
                    switch (member)
                    {
                        case Type t:
                            Add(t);
                            break;
                        case FieldInfo f:
                            Add(f.DeclaringType);
                            Add(f.FieldType);
                            break;
                        case MethodBase m:
                            Add(m.DeclaringType);
                            if (m is MethodInfo mi)
                            {
                                Add(mi.ReturnType);
                                foreach (Type argument in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                                {
                                    Add(argument);
                                }
                            }

                            foreach (ParameterInfo parameter in m.GetParameters())
                            {
                                Add(parameter.ParameterType);
                            }

                            break;
                    }
                }
            }
        }

        return found;
    }

    private static IEnumerable<MemberInfo> Tokens(MethodBase method, byte[] il)
    {
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        Module module = method.Module;
        int position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            OpCode opCode = s_opCodes[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, position);
                    position += 4;
                    yield return module.ResolveMember(token, typeArguments, methodArguments)!;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
